// A real window reload with the timeline preview open (code-server only). The test module runs
// twice (see ../index.ts): after the other suites, prepareWindowReload() opens the preview on the
// reference post-mortem and the window is reloaded ("Reload Window"); VS Code then starts again and
// runs the module anew, which now runs only the suite below: VS Code must have given the panel
// back to the extension (its serializer) with the same document, drawn.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, type RenderedMessage } from '../../../src/shared/previewProtocol';
import { REFERENCE, activateExtension, eventually, show, workspaceUri } from './helpers';

interface PreviewState {
  uri: string;
  reports: RenderedMessage[];
}

const previewState = () => vscode.commands.executeCommand<PreviewState | undefined>('postmortem.test.preview', 'state');
const drawn = (state: PreviewState | undefined, uri: vscode.Uri) =>
  !!state && state.uri === uri.toString() && state.reports.some((report) => report.diagrams.length > 0 && report.diagrams.every((diagram) => diagram.svg));

/** Before the reload: the preview of the reference post-mortem, drawn and its state saved. */
export async function prepareWindowReload(): Promise<void> {
  await activateExtension();
  const uri = workspaceUri(REFERENCE);
  await show(uri);
  await vscode.commands.executeCommand('postmortem.openTimelinePreview');
  await eventually(previewState, (state) => drawn(state, uri), 'the preview drawn before the reload', 30_000);
  // The page saves what it drew soon after a pass (src/webview/main.ts, saveDiagrams).
  await new Promise((resolve) => setTimeout(resolve, 1_500));
}

if (process.env.PMKIT_TEST_AFTER_RELOAD === '1') {
  describe('window reload', () => {
    it('gives the timeline preview back, on the same post-mortem, drawn (the panel serializer)', async () => {
      const uri = workspaceUri(REFERENCE);
      // Nothing opens the preview here: VS Code restores the panel. (Activating first only lets
      // this test call the extension's test command.)
      await activateExtension();
      const state = await eventually(previewState, (s) => drawn(s, uri), 'the preview restored after the reload', 60_000);
      const report = state!.reports.find((r) => r.diagrams.every((d) => d.svg))!;
      assert.deepEqual(report.diagrams.map((d) => [d.target, d.elements]), [['timeline', 12], [0, 16]]);
      // (VS Code prefixes the view type of a webview tab.)
      const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(PREVIEW_VIEW_TYPE));
      assert.ok(tab, 'no timeline preview tab after the reload');
      assert.match(tab.label, /^Timeline: incident-anatomy-evcache\.md$/);
    });
  });
}
