// The live timeline preview in the real VS Code: the webview reports what it rendered (through
// the hidden command postmortem.test.preview), so the tests check the page itself, not a mock.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RenderedMessage, TestClickedMessage, TestClickRequest } from '../../../src/shared/previewProtocol';
import { screenshot } from '../index';
import {
  REFERENCE, activateExtension, discard, eventually, openReferenceCopy, ourDiagnostics, ruleId, setSetting, show,
  waitForDiagnostics, workspaceUri,
} from './helpers';

interface PreviewState {
  uri: string;
  createdAt: number;
  visible: boolean;
  viewColumn?: vscode.ViewColumn;
  readyCount: number;
  waitingForReady: boolean;
  reports: RenderedMessage[];
  timings: { version: number; changedAt?: number; sentAt: number; renderedAt?: number; webviewMs?: number }[];
}

const state = () => vscode.commands.executeCommand<PreviewState | undefined>('postmortem.test.preview', 'state');
const click = (target: TestClickRequest['target']) => vscode.commands.executeCommand<TestClickedMessage>('postmortem.test.preview', 'click', target);

/** The first report of the preview for `uri` at `version` or later that satisfies `accept`. */
async function rendered(uri: vscode.Uri, version: number, accept: (report: RenderedMessage) => boolean = () => true, what = 'a render', timeoutMs = 20_000): Promise<RenderedMessage> {
  const found = await eventually(
    state,
    (s) => !!s && s.uri === uri.toString() && s.reports.some((r) => r.uri === uri.toString() && r.version >= version && accept(r)),
    `the preview of ${vscode.workspace.asRelativePath(uri)} v${version}: ${what}`,
    timeoutMs,
  );
  return found!.reports.filter((r) => r.uri === uri.toString() && r.version >= version && accept(r)).at(-1)!;
}

async function openPreview(editor: vscode.TextEditor): Promise<RenderedMessage> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.openTimelinePreview');
  assert.equal(uri?.toString(), editor.document.uri.toString());
  return rendered(editor.document.uri, editor.document.version, (r) => r.diagrams.every((d) => d.svg || d.error), 'the first render', 30_000);
}

async function closePreview(): Promise<void> {
  await vscode.commands.executeCommand('postmortem.test.preview', 'close');
}

/** Line (0-based) of the first line of `document` containing `text`. */
function lineOf(document: vscode.TextDocument, text: string): number {
  const line = document.getText().split('\n').findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `no line contains ${text}`);
  return line;
}

async function replaceText(editor: vscode.TextEditor, search: string, replacement: string): Promise<void> {
  const at = editor.document.getText().indexOf(search);
  assert.ok(at >= 0, `the document has no ${search}`);
  const ok = await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + search.length)), replacement));
  assert.ok(ok, 'the edit was not applied');
}

/** Exported files are kept beside the screenshots (test-results/preview-exports/) when the launcher says where. */
function exportTarget(name: string): vscode.Uri {
  const results = process.env.PMKIT_TEST_RESULTS;
  return results ? vscode.Uri.file(path.join(results, 'preview-exports', name)) : workspaceUri(`exports/${name}`);
}

/** A screenshot with the preview's editor group maximized and the side bar closed, then the layout back. */
async function screenshotOfPreview(name: string): Promise<void> {
  // The preview's group, wherever it is (the active editor may not be in the first group).
  assert.ok(await vscode.commands.executeCommand('postmortem.test.preview', 'focus'), 'no preview to take a screenshot of');
  await eventually(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input, (input) => input instanceof vscode.TabInputWebview, 'the preview to be the active tab');
  await vscode.commands.executeCommand('workbench.action.toggleMaximizeEditorGroup');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  try {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await screenshot(name);
  } finally {
    await vscode.commands.executeCommand('workbench.action.toggleMaximizeEditorGroup');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
  }
}

async function exportTo(command: string, name: string, ...args: unknown[]): Promise<Uint8Array> {
  const target = exportTarget(name);
  const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, ...args, target);
  assert.equal(written?.toString(), target.toString(), `${command} wrote nothing`);
  return vscode.workspace.fs.readFile(target);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  assert.deepEqual([...bytes.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('timeline preview', function () {
  const copies: vscode.Uri[] = [];

  before(activateExtension);
  afterEach(closePreview);
  after(async () => {
    await closePreview();
    for (const uri of copies.splice(0)) await discard(uri);
    try {
      await vscode.workspace.fs.delete(workspaceUri('exports'), { recursive: true, useTrash: false });
    } catch {
      // nothing exported
    }
  });

  it('opens beside the reference post-mortem: its Mermaid diagram and a timeline of its 12 events, under a strict CSP', async () => {
    const editor = await show(workspaceUri(REFERENCE));
    const report = await openPreview(editor);
    const [timeline, diagram, ...others] = report.diagrams;
    assert.equal(others.length, 0);
    assert.deepEqual([timeline.target, timeline.svg, timeline.elements], ['timeline', true, 12]);
    // 12 timed nodes and 4 nodes of affected services.
    assert.deepEqual([diagram.target, diagram.svg, diagram.elements, diagram.error], [0, true, 16, undefined]);
    assert.deepEqual(report.errors, []);
    assert.equal(report.scriptInjected, false);
    assert.equal(report.unsafeNodes, 0);
    // No script was refused (the bundle and its Mermaid chunks load under the policy). The only
    // refusals are the inline styles Mermaid writes, which the page applies through CSSOM instead.
    const refused = Object.keys(report.cspViolations);
    assert.ok(refused.every((directive) => directive === 'style-src-elem' || directive === 'style-src-attr'), `CSP violations: ${JSON.stringify(report.cspViolations)}`);
    await screenshotOfPreview('timeline-preview');
  });

  it('re-renders after an edit, debounced, with the new text in both diagrams', async () => {
    const editor = await openReferenceCopy('preview-edit');
    copies.push(editor.document.uri);
    const first = await openPreview(editor);
    await replaceText(editor, 'Root Cause Found', 'Root Cause Confirmed');
    const version = editor.document.version;
    const report = await rendered(editor.document.uri, version, (r) => r.diagrams[1]?.svgVersion === version, 'the edit');
    assert.ok(report.version > first.version);
    assert.equal(report.diagrams[0].elements, 12);
    assert.ok(report.diagrams[1].renderMs > 0, 'the Mermaid diagram was not rendered again');
    const timelineSvg = new TextDecoder().decode(await exportTo('postmortem.exportTimelineSvg', 'edit-timeline.svg'));
    assert.match(timelineSvg, /Root Cause Confirmed/);
    const diagramSvg = new TextDecoder().decode(await exportTo('postmortem.exportDiagramSvg', 'edit-diagram.svg', 0));
    assert.match(diagramSvg, /Root Cause Confirmed/);
    assert.doesNotMatch(diagramSvg, /Root Cause Found/);
  });

  it('a Mermaid syntax error is shown at its document line, keeps the last diagram, and is a PM701 diagnostic until fixed', async () => {
    const editor = await openReferenceCopy('preview-syntax');
    copies.push(editor.document.uri);
    const uri = editor.document.uri;
    const good = await openPreview(editor);
    // After the %% comment lines of the block, which Mermaid drops before it parses.
    const line = lineOf(editor.document, '    RCA1 --> RCA2');
    await replaceText(editor, '    RCA1 --> RCA2', '    RCA1 --> RCA2 ]');
    const broken = editor.document.version;
    const report = await rendered(uri, broken, (r) => r.errors.length > 0, 'the syntax error');
    assert.equal(report.version, broken);
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0].block, 0);
    assert.equal(report.errors[0].line, line, `error on document line ${report.errors[0].line + 1}, the stray bracket is on ${line + 1}`);
    const diagram = report.diagrams[1];
    assert.equal(diagram.svg, true, 'the last good diagram is no longer shown');
    assert.equal(diagram.svgVersion, good.version);
    assert.ok(diagram.error);
    assert.equal(report.diagrams[0].svg, true);

    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'PM701'), 'a PM701 diagnostic');
    const diagnostic = diagnostics.find((x) => ruleId(x) === 'PM701')!;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line, report.errors[0].line);
    assert.match(diagnostic.message, /^Mermaid syntax error \(line \d+ of Mermaid diagram 1\): /);
    await click({ scrollTo: 0 });
    await screenshotOfPreview('timeline-preview-syntax-error');

    await replaceText(editor, '    RCA1 --> RCA2 ]', '    RCA1 --> RCA2');
    const fixed = editor.document.version;
    const after = await rendered(uri, fixed, (r) => r.errors.length === 0 && r.diagrams[1].svgVersion === fixed, 'the fix');
    assert.equal(after.diagrams[1].error, undefined);
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleId(x) === 'PM701'), 'PM701 to go away');
  });

  it('clicking an event of the generated timeline or a node of the diagram reveals its line', async () => {
    const editor = await openReferenceCopy('preview-click');
    copies.push(editor.document.uri);
    await openPreview(editor);
    const rollback = lineOf(editor.document, 'Rollback[14:38:00');
    const traffic = lineOf(editor.document, 'Traffic[14:41:00');
    editor.selection = new vscode.Selection(0, 0, 0, 0);

    assert.equal((await click({ timelineEvent: 6 })).clicked, 1);
    await eventually(() => vscode.window.activeTextEditor?.selection.active.line, (l) => l === rollback, 'the cursor on the Rollback event');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());

    assert.equal((await click({ mermaidNode: 'Traffic', block: 0 })).clicked, 1);
    await eventually(() => vscode.window.activeTextEditor?.selection.active.line, (l) => l === traffic, 'the cursor on the Traffic node');
  });

  it('follows the VS Code theme: dark and high contrast re-render the diagrams', async () => {
    const editor = await show(workspaceUri(REFERENCE));
    const uri = editor.document.uri;
    const first = await openPreview(editor);
    const initial = first.theme;
    try {
      await setSetting('colorTheme', 'Default Dark Modern', 'workbench');
      const dark = await rendered(uri, editor.document.version, (r) => r.theme === 'dark' && r.diagrams[1].renderMs > 0, 'the dark theme');
      assert.equal(dark.diagrams[1].svg, true);
      await setSetting('colorTheme', 'Default High Contrast', 'workbench');
      await rendered(uri, editor.document.version, (r) => r.theme === 'high-contrast' && r.diagrams[1].renderMs > 0, 'the high contrast theme');
      await click({ scrollTo: 0 });
      await screenshotOfPreview('timeline-preview-high-contrast');
    } finally {
      await setSetting('colorTheme', undefined, 'workbench');
    }
    await rendered(uri, editor.document.version, (r) => r.theme === initial, 'the theme back');
  });

  it('exports the generated timeline and the diagram as SVG and PNG files', async () => {
    const editor = await show(workspaceUri(REFERENCE));
    await openPreview(editor);
    const svg = new TextDecoder().decode(await exportTo('postmortem.exportTimelineSvg', 'timeline.svg'));
    assert.match(svg, /^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const title of ['Deployment Initiated', 'Rollback Decision', 'Incident Closed', 'TTD 45s', 'TTM 15m', 'TTR 42m']) assert.ok(svg.includes(title), `the SVG has no ${title}`);
    const [width, height] = pngSize(await exportTo('postmortem.exportTimelinePng', 'timeline.png'));
    assert.ok(width >= 600 && height >= 300, `timeline PNG ${width}×${height}`);

    const diagramSvg = new TextDecoder().decode(await exportTo('postmortem.exportDiagramSvg', 'diagram.svg', 0));
    assert.match(diagramSvg, /<style>[^<]*#pm-m0-/, 'the diagram SVG carries its stylesheet');
    assert.match(diagramSvg, /Deployment Initiated/);
    const [dw, dh] = pngSize(await exportTo('postmortem.exportDiagramPng', 'diagram.png', 0));
    assert.ok(dw >= 300 && dh >= 600, `diagram PNG ${dw}×${dh}`);
  });

  it('a document with hostile labels executes nothing, even when everything in it is clicked', async () => {
    const uri = workspaceUri('postmortems/hostile-labels.md');
    const payload = 'window.__pwned=1;document.documentElement.dataset.pwned=1';
    // In a sequence diagram `;` ends a statement: one assignment only.
    const short = 'window.__pwned=1';
    const text = [
      '---', 'type: postmortem', '---', '', '# Hostile <img src=x onerror="' + payload + '">', '',
      '**Date**: 2024-05-01', '**Impact**: <script>' + payload + '</script>', '', '## Timeline', '',
      '- 10:00 <img src=x onerror="' + payload + '"> deploy',
      '- 10:05 <a href="javascript:' + payload + '">alert fires</a>',
      '- 10:30 <svg onload="' + payload + '"></svg> resolved', '',
      '```mermaid',
      '%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%',
      'graph TB',
      `    A["<img src=x onerror='${payload}'> image"]`,
      `    B["<script>${payload}</script> script"]`,
      `    C["<a href='javascript:${payload}'>link</a>"]`,
      `    D["<iframe srcdoc='<script>${payload}</script>'></iframe> frame"]`,
      '    A --> B --> C --> D',
      '    click A call pwn()',
      `    click B href "javascript:${payload}"`,
      '    click C callback "tooltip"',
      '```', '',
      '```mermaid',
      'sequenceDiagram',
      `    Alice->>Bob: <img src=x onerror="${short}">`,
      `    Note over Alice: <script>${short}</script>`,
      '    links Alice: {"Pwn": "javascript:window.__pwned=1"}',
      '```', '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    copies.push(uri);
    const editor = await show(uri);
    const report = await openPreview(editor);
    assert.equal(report.diagrams.length, 3);
    assert.equal(report.diagrams[0].elements, 3, 'the list timeline was not drawn');
    for (const diagram of report.diagrams) assert.ok(diagram.svg, `diagram ${diagram.target} did not render: ${diagram.error}`);
    assert.equal(report.scriptInjected, false);
    assert.equal(report.unsafeNodes, 0);

    const clicked = await click({ everything: true });
    assert.ok(clicked.clicked >= 10, `only ${clicked.clicked} elements clicked`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await click({ everything: true });
    assert.equal(after.scriptInjected, false, 'a hostile script ran');
    assert.equal(after.unsafeNodes, 0, 'an event handler, script or javascript: URL reached the page');
    // The sanitizer's own parse of the hostile text makes the browser report the handlers it saw
    // (script-src-attr) without running them; no script element or URL was ever attempted.
    assert.equal(after.cspViolations['script-src-elem'], undefined, `CSP violations: ${JSON.stringify(after.cspViolations)}`);
    console.log(`      hostile document: ${clicked.clicked} elements clicked; CSP refusals ${JSON.stringify(after.cspViolations)}`);
  });

  it('follows the active post-mortem editor, and a restored panel (after a window reload) shows the same document', async () => {
    const first = await openReferenceCopy('preview-follow-a');
    const second = await openReferenceCopy('preview-follow-b');
    copies.push(first.document.uri, second.document.uri);
    await show(first.document.uri);
    await openPreview(first);
    // The page sends what it drew to the extension soon after a pass (saveDiagrams).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await show(second.document.uri);
    await rendered(second.document.uri, second.document.version, () => true, 'the preview following the editor');
    // Back to the first: its diagrams come back at once; Mermaid does not draw them again.
    const seen = (await state())!.reports.length;
    await show(first.document.uri);
    const isBack = (r: RenderedMessage) => r.uri === first.document.uri.toString() && r.diagrams[1]?.svg === true;
    const back = (await eventually(state, (s) => !!s && s.reports.slice(seen).some(isBack), 'the preview back on the first post-mortem'))!.reports.slice(seen).find(isBack)!;
    assert.equal(back.diagrams[1].mermaid, undefined, 'Mermaid drew the diagram again');

    const before = (await state())!.createdAt;
    const restored = await vscode.commands.executeCommand<string>('postmortem.test.preview', 'revive', { uri: first.document.uri.toString() });
    assert.equal(restored, first.document.uri.toString());
    const report = await rendered(first.document.uri, first.document.version, (r) => r.diagrams[0].elements === 12, 'the restored preview');
    assert.ok((await state())!.createdAt > before, 'not a new panel');
    assert.equal(report.diagrams[1].svg, true);
  });

  it('hidden behind another tab and shown again, it keeps its page: nothing is loaded or drawn again', async () => {
    const editor = await show(workspaceUri(REFERENCE));
    await openPreview(editor);
    const before = (await state())!;
    assert.equal(before.readyCount, 1);
    // Another editor in the preview's group hides the panel.
    const other = await vscode.workspace.openTextDocument({ content: 'something else', language: 'plaintext' });
    await vscode.window.showTextDocument(other, { viewColumn: before.viewColumn, preview: false });
    try {
      await eventually(state, (s) => s?.visible === false, 'the preview hidden');
      await vscode.commands.executeCommand('postmortem.openTimelinePreview', editor.document.uri);
      await eventually(state, (s) => s?.visible === true, 'the preview shown again');
      // The page answers at once, and it is the same page: no second handshake, no new render.
      assert.equal((await click({ scrollTo: 'timeline' })).clicked, 0);
      const after = (await state())!;
      assert.equal(after.readyCount, 1, 'the page was loaded again');
      assert.equal(after.reports.length, before.reports.length, 'the diagrams were drawn again');
      // Nor is it taken for a page that did not start (it would be replaced after READY_TIMEOUT_MS).
      assert.equal(after.waitingForReady, false, 'the kept page is waited for as if it had to load');
    } finally {
      await vscode.window.showTextDocument(other, { viewColumn: before.viewColumn });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('closed and opened again, it shows the diagrams it drew at once, without Mermaid drawing them again', async () => {
    const editor = await openReferenceCopy('preview-reopen');
    copies.push(editor.document.uri);
    await closePreview();
    const first = await openPreview(editor);
    assert.ok(first.diagrams[1].mermaid, 'the first panel did not draw the diagram with Mermaid');
    // The page sends what it drew to the extension soon after a pass (saveDiagrams).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await closePreview();
    const again = await openPreview(editor);
    assert.deepEqual([again.diagrams[1].svg, again.diagrams[1].elements, again.diagrams[1].mermaid], [true, 16, undefined]);
    // Still live: an edit has Mermaid draw the diagram again.
    await replaceText(editor, 'Root Cause Found', 'Root Cause Located');
    const edited = await rendered(editor.document.uri, editor.document.version, (r) => r.diagrams[1].svgVersion === editor.document.version, 'the edit drawn');
    assert.ok(edited.diagrams[1].mermaid, 'the edit was not drawn by Mermaid');
    // The page sent only that change; opened again, the edited diagram is shown as drawn.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await closePreview();
    const third = await openPreview(editor);
    assert.deepEqual([third.diagrams[1].svgVersion, third.diagrams[1].mermaid], [editor.document.version, undefined]);
  });

  it('the diagnostics of the preview go away with it', async () => {
    const editor = await openReferenceCopy('preview-close');
    copies.push(editor.document.uri);
    await openPreview(editor);
    await replaceText(editor, 'graph TB', 'graph TB;;;; ]]');
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleId(x) === 'PM701'), 'a PM701 diagnostic');
    await closePreview();
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleId(x) === 'PM701'), 'PM701 gone with the preview');
    assert.ok(ourDiagnostics(editor.document.uri).every((d) => ruleId(d) !== 'PM701'));
  });
});
