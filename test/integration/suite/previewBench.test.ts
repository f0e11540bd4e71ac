// Benchmark of the timeline preview in the real VS Code, run by `npm run bench`
// (bench/preview.bench.mjs). Registered only when PMKIT_TEST_GREP names a bench, so `npm test`
// never runs it. Results are log lines `PMKIT_BENCH {json}` that the bench script collects.
//
// - Cold first diagram: from the "Open Timeline Preview" command to the preview's report that
//   every diagram of the reference post-mortem is drawn (first panel of this VS Code, then panels
//   opened again, whose page and chunks the browser may have cached).
// - Edit to updated SVG: edits that change a node label of the reference's Mermaid diagram (so
//   both the diagram and the generated timeline change); the clock starts before `editor.edit`
//   and stops when the report of that version reaches the extension. Also given: the same from
//   the end of the debounce (what the target is about; the lint, the messages both ways and the
//   page's work are in it), and the time the page itself spent.
// - Mermaid alone: mermaid.parse and mermaid.render of the same diagram text, in the same page,
//   back to back, without the preview around them.
// All times on the extension host's clock except the page's own (its clock), in ms.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { browserProfile, browserQuiet } from '../index';
import { ownedSamples, type CpuProfile } from './cpuProfile';
import { PREVIEW_DEBOUNCE_MS, type BenchRenderedMessage, type RenderedMessage } from '../../../src/shared/previewProtocol';
import { REFERENCE, activateExtension, discard, eventually, lintResult, openReferenceCopy, show, workspaceUri } from './helpers';

const EDITS = Number(process.env.PMKIT_BENCH_PREVIEW_EDITS) || 20;
const WARMUP_EDITS = 3;
const REOPENS = 5;
const MERMAID_RUNS = 20;
/** How long the page's main thread must run its timers on time before an open is timed (0: no wait). */
const QUIET_MS = Number(process.env.PMKIT_BENCH_PREVIEW_SETTLE_MS ?? 1000);
const settled = async () => (QUIET_MS > 0 ? browserQuiet(QUIET_MS) : 0);

interface Timing { version: number; changedAt?: number; firedAt?: number; sentAt: number; renderedAt?: number; webviewMs?: number; arrivedAt?: number; inPageAt?: number }
interface State { uri: string; createdAt: number; readyAt?: number; reports: RenderedMessage[]; timings: Timing[] }

const state = () => vscode.commands.executeCommand<State | undefined>('postmortem.test.preview', 'state');

function report(result: Record<string, unknown>): void {
  console.log(`PMKIT_BENCH ${JSON.stringify({ bench: 'preview', ...result })}`);
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (x: number) => Math.round(x * 10) / 10;
  return { medianMs: round(at(0.5)), p90Ms: round(at(0.9)), minMs: round(sorted[0]), maxMs: round(sorted[sorted.length - 1]), samples: samples.map(round) };
}

/** Opens the preview of the active editor's document and resolves when every diagram of `version` is drawn: ms since the command. */
interface FirstDiagram {
  /** Command → every diagram drawn (reported back). */
  ms: number;
  /**
   * Command → the first SVG on the page (the generated timeline, drawn without Mermaid): the
   * update's departure plus the page's time from its arrival to that SVG (transit not counted).
   */
  firstSvgMs?: number;
  /** Command → panel created; → page ready (script loaded, handshake received); → update sent. */
  panelMs: number;
  readyMs: number;
  sentMs: number;
  /** Page clock: load start → script running → Mermaid imported → first update → all drawn. */
  page: RenderedMessage['page'] & { drawn: number };
  /** The Mermaid diagrams were shown as an earlier panel drew them, not drawn by Mermaid again. */
  drawnBefore: boolean;
}

async function timeFirstDiagram(uri: vscode.Uri, version: number): Promise<FirstDiagram> {
  const started = performance.now();
  await vscode.commands.executeCommand('postmortem.openTimelinePreview');
  const done = await eventually(state, (s) => !!s && s.uri === uri.toString() && s.reports.some((r) => r.version >= version && r.diagrams.every((d) => d.svg)), 'the first diagram', 30_000);
  const first = done!.reports.find((r) => r.version >= version && r.diagrams.every((d) => d.svg))!;
  const timing = done!.timings.find((t) => t.version === first.version && t.renderedAt !== undefined);
  assert.ok(timing, 'no timing for the first render');
  const round = (x: number) => Math.round(x * 10) / 10;
  const { firstSvg, firstUpdate } = first.page;
  return {
    ms: round(timing.renderedAt! - started),
    ...(firstSvg !== undefined && firstUpdate !== undefined ? { firstSvgMs: round(timing.sentAt - started + firstSvg - firstUpdate) } : {}),
    panelMs: round(done!.createdAt - started),
    readyMs: round((done!.readyAt ?? NaN) - started),
    sentMs: round(timing.sentAt - started),
    page: { ...first.page, drawn: round(first.page.scriptStart + first.sinceStartMs) },
    drawnBefore: first.diagrams.slice(1).every((diagram) => diagram.mermaid === undefined),
  };
}

/**
 * With PMKIT_BENCH_PROFILE (a folder), a CPU profile of the browser page's main thread (the
 * workbench and the preview's page share it in code-server) is written there while `work` runs,
 * `<name>.cpuprofile`, and broken down by pass of the preview (see passBreakdown).
 */
async function profiledInBrowser<T>(name: string, work: () => Promise<T>): Promise<{ result: T; passes?: Record<string, number>[] }> {
  const folder = process.env.PMKIT_BENCH_PROFILE;
  const file = folder && path.join(folder, `${name}.cpuprofile`);
  if (file) mkdirSync(folder, { recursive: true });
  const profiling = file ? await browserProfile('start', file) : false;
  const result = await work();
  if (!file || !profiling) return { result };
  await browserProfile('stop', file);
  return { result, passes: passBreakdown(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile) };
}

/**
 * What the main thread did during each pass of the preview's page (ms), pass by pass.
 * A pass is a burst of the page's own code, from its first sample to its last, with no gap over
 * 50 ms; bursts under 20 ms (the state saved after a pass) are left out. Within it, time goes to
 * "page" (the preview's code and what it calls), "workbench" (VS Code's code in the same
 * thread), "native" (style, layout, paint and other work outside JavaScript), "gc" and "idle".
 */
function passBreakdown(profile: CpuProfile): Record<string, number>[] {
  const kinds: Record<string, string> = { 'garbage collection': 'gc' };
  const samples = ownedSamples(profile, (url) => (/vscode-cdn\.net|vscode-resource/.test(url) ? 'page' : 'workbench'), 'native')
    .map((sample) => ({ ...sample, kind: kinds[sample.owner] ?? sample.owner }));
  const passes: Record<string, number>[] = [];
  let start = -1;
  let end = -1;
  const close = () => {
    if (start < 0 || end - start < 20) return;
    const pass: Record<string, number> = { total: end - start };
    for (const sample of samples) if (sample.atMs >= start && sample.atMs < end) pass[sample.kind] = (pass[sample.kind] ?? 0) + sample.ms;
    passes.push(pass);
  };
  for (const sample of samples) {
    if (sample.kind !== 'page') continue;
    if (start >= 0 && sample.atMs - end > 50) {
      close();
      start = -1;
    }
    if (start < 0) start = sample.atMs;
    end = sample.atMs + sample.ms;
  }
  close();
  return passes;
}

const KINDS_REPORTED = ['total', 'page', 'workbench', 'native', 'gc', 'idle'];
const mediansOf = (passes: Record<string, number>[]) => Object.fromEntries(KINDS_REPORTED.map((kind) => [kind, stats(passes.map((pass) => pass[kind] ?? 0)).medianMs]));
const sumsOf = (passes: Record<string, number>[]) => Object.fromEntries(KINDS_REPORTED.map((kind) => [kind, Math.round(passes.reduce((sum, pass) => sum + (pass[kind] ?? 0), 0) * 10) / 10]));

if (/bench/.test(process.env.PMKIT_TEST_GREP ?? '')) {
  describe('bench: preview', function () {
    this.timeout(600_000);

    before(async () => {
      await activateExtension();
      // The core is loaded and the reference linted before anything is timed.
      await show(workspaceUri(REFERENCE));
      await eventually(() => lintResult(workspaceUri(REFERENCE)), (r) => r !== undefined, 'the reference to be linted', 20_000);
    });

    after(async () => {
      await vscode.commands.executeCommand('postmortem.test.preview', 'close');
    });

    it('cold: first diagram after opening the panel on the reference post-mortem', async () => {
      const editor = await show(workspaceUri(REFERENCE));
      // Timed from a settled window, as a user opens the preview: not while the workbench is
      // still busy with the editor just shown (loading and running the Markdown grammar).
      const settledMs = [await settled()];
      // Profiled with --profile too (for DevTools: VS Code creating the webview, then the page and Mermaid's first render).
      const { result: cold } = await profiledInBrowser('preview-cold', () => timeFirstDiagram(editor.document.uri, editor.document.version));
      const again: FirstDiagram[] = [];
      for (let i = 0; i < REOPENS; i++) {
        // Looked at before it is closed, as a user does (the page saves what it drew meanwhile).
        await settled();
        await vscode.commands.executeCommand('postmortem.test.preview', 'close');
        await show(editor.document.uri);
        settledMs.push(await settled());
        const open = () => timeFirstDiagram(editor.document.uri, editor.document.version);
        again.push(i === 0 ? (await profiledInBrowser('preview-reopen', open)).result : await open());
      }
      report({
        measure: 'firstDiagram', document: REFERENCE, settledMs, cold, coldMs: cold.ms, coldFirstSvgMs: cold.firstSvgMs,
        reopen: stats(again.map((r) => r.ms)), reopenFirstSvg: stats(again.map((r) => r.firstSvgMs ?? NaN)), reopenRuns: again,
      });
    });

    it('edit to updated SVG, against mermaid alone on the same diagram', async () => {
      const editor = await openReferenceCopy('bench-preview');
      const uri = editor.document.uri;
      try {
        await vscode.commands.executeCommand('postmortem.test.preview', 'close');
        await timeFirstDiagram(uri, editor.document.version);
        const line = editor.document.getText().split('\n').findIndex((l) => l.includes('Root Cause Found'));
        assert.ok(line >= 0);
        const total: number[] = [];
        const afterDebounce: number[] = [];
        const inPageAfterDebounce: number[] = [];
        const toPage: number[] = [];
        const page: number[] = [];
        const mermaidInPass: number[] = [];
        const renderInPass: number[] = [];
        const importInPass: number[] = [];
        const renderAfterEdit: number[] = [];
        const diagramText = () => {
          const lines = editor.document.getText().split('\n');
          const start = lines.findIndex((l) => l.trim() === '```mermaid');
          const end = lines.findIndex((l, i) => i > start && l.trim() === '```');
          return lines.slice(start + 1, end).join('\n');
        };
        /** Writes the next digit after the label (0–9, in turn): every edit gives a diagram text not drawn just before. */
        const edit = async () => {
          const text = editor.document.lineAt(line).text;
          const at = text.indexOf('Root Cause Found') + 'Root Cause Found'.length;
          const digit = /\d/.test(text[at]) ? Number(text[at]) : -1;
          const started = performance.now();
          const ok = await editor.edit((e) => (digit < 0 ? e.insert(new vscode.Position(line, at), '0') : e.replace(new vscode.Range(line, at, line, at + 1), String((digit + 1) % 10))));
          assert.ok(ok);
          return started;
        };
        const editsProfile = await profiledInBrowser('preview-edits', async () => {
          for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
            // The preview's pass: from the edit to the new SVG.
            const started = await edit();
            const version = editor.document.version;
            const done = await eventually(state, (s) => !!s && s.reports.some((r) => r.version === version && r.diagrams[1]?.svgVersion === version), `the render of v${version}`, 20_000);
            const timing = done!.timings.find((t) => t.version === version)!;
            const rendered = done!.reports.find((r) => r.version === version)!;
            // Let the lint of this version and its diagnostics settle before the next edit.
            await new Promise((resolve) => setTimeout(resolve, 350));
            // Then Mermaid alone under the same load: an edit the preview does not send, and when its
            // debounce would have ended, mermaid.render of the new diagram text in the same page.
            await vscode.commands.executeCommand('postmortem.test.preview', 'hold-edits', true);
            try {
              const bareStarted = await edit();
              await new Promise((resolve) => setTimeout(resolve, Math.max(0, bareStarted + PREVIEW_DEBOUNCE_MS - performance.now())));
              const bare = (await vscode.commands.executeCommand<BenchRenderedMessage>('postmortem.test.preview', 'bench-render', { text: diagramText(), runs: 1 }))!;
              if (i >= WARMUP_EDITS) renderAfterEdit.push(bare.renderMs[0]);
            } finally {
              await vscode.commands.executeCommand('postmortem.test.preview', 'hold-edits', false);
            }
            await new Promise((resolve) => setTimeout(resolve, 350));
            if (i < WARMUP_EDITS) continue;
            total.push(timing.renderedAt! - started);
            // From the end of the debounce: the lint and the message to the page are counted.
            afterDebounce.push(timing.renderedAt! - (timing.firedAt ?? timing.sentAt));
            // The same, ending when the new SVG is in the page rather than when the extension hears of it.
            inPageAfterDebounce.push(timing.inPageAt! - (timing.firedAt ?? timing.sentAt));
            toPage.push(timing.arrivedAt! - timing.sentAt);
            page.push(timing.webviewMs!);
            mermaidInPass.push(rendered.diagrams[1].renderMs);
            renderInPass.push(rendered.diagrams[1].mermaid?.renderMs ?? NaN);
            importInPass.push(rendered.diagrams[1].mermaid?.importMs ?? NaN);
          }
        });
        const { result: alone, passes: alonePasses } = await profiledInBrowser('preview-mermaid-alone', async () =>
          (await vscode.commands.executeCommand<BenchRenderedMessage>('postmortem.test.preview', 'bench-render', { text: diagramText(), runs: MERMAID_RUNS }))!);
        const longBursts = editsProfile.passes?.filter((pass) => pass.total >= 100);
        const editsPairs = longBursts?.length === 2 * (WARMUP_EDITS + EDITS) ? longBursts : undefined;
        report({
          measure: 'editToSvg',
          document: REFERENCE,
          edits: EDITS,
          debounceMs: PREVIEW_DEBOUNCE_MS,
          editToSvg: stats(total),
          afterDebounce: stats(afterDebounce),
          inPageAfterDebounce: stats(inPageAfterDebounce),
          messageToPage: stats(toPage),
          page: stats(page),
          diagramRenderInPass: stats(mermaidInPass),
          mermaidRenderInPass: stats(renderInPass),
          importInPass: stats(importInPass),
          mermaidRender: stats(alone.renderMs.slice(2)),
          mermaidRenderAfterEdit: stats(renderAfterEdit),
          mermaidParse: stats(alone.parseMs.slice(2)),
          mermaidRenderAndInsert: stats(alone.renderMs.slice(2).map((ms, i) => ms + alone.insertMs.slice(2)[i])),
          // The edits' long bursts (over 100 ms: not the state saved after a pass) alternate: the
          // preview's pass, then Mermaid alone after an edit. Left out when they cannot be paired.
          ...(editsPairs && alonePasses ? {
            mainThreadPerPass: mediansOf(editsPairs.filter((_, i) => i % 2 === 0)),
            mainThreadPerRenderAfterEdit: mediansOf(editsPairs.filter((_, i) => i % 2 === 1)),
            // The renders alone run back to back: one burst, shared out per render.
            mainThreadPerRenderAlone: Object.fromEntries(Object.entries(sumsOf(alonePasses)).map(([kind, ms]) => [kind, Math.round((ms / MERMAID_RUNS) * 10) / 10])),
          } : {}),
        });
      } finally {
        await vscode.commands.executeCommand('postmortem.test.preview', 'close');
        await discard(uri);
      }
    });
  });
}
