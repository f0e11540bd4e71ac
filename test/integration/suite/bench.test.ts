// Benchmarks in the real VS Code, run by `npm run bench` (bench/vscode.bench.mjs). Registered only
// when PMKIT_TEST_GREP names them, so `npm test` never runs them. Each result is one log line
// `PMKIT_BENCH {json}` that the launcher echoes and the bench script collects.
//
// Edit to diagnostics: edits that each flip a PM102 on or off, each from a quiet extension host
// (see extensionHostQuiet); the clock starts just before `editor.edit` and stops
//   event:   at the onDidChangeDiagnostics event after which the document has the new diagnostics;
//   visible: when languages.getDiagnostics(uri) first shows them (polled every millisecond).
// Nothing is subtracted; the lint debounce in effect is reported beside the numbers. Both exist
// because VS Code's extension host delivers onDidChangeDiagnostics through a 50 ms DebounceEmitter
// (extHostDiagnostics.ts): `event` is `visible` plus up to 50 ms that no extension can avoid.
// Also recorded per edit: when the edit reached the extension host (onDidChangeTextDocument),
// from then to visible (debounce + lint + publish: the extension's part), and the longest the
// extension host's event loop was blocked meanwhile (by any extension).
//
// Activation: the extension's own log line "Activated in X ms" (read from its log file under
// PMKIT_TEST_LOGS, which the code-server launcher sets), and the first extension.activate() call
// as seen from here, which includes loading the bundle.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { generateLargePostmortem } from '../../../bench/generateDocument';
import {
  EXTENSION_ID, REFERENCE_DIAGNOSTICS, activateExtension, discard, openReferenceCopy, ourDiagnostics, resetSettings,
  setSetting, show, summarize, swapRcaTimestamps, waitForSummary, workspaceUri,
} from './helpers';
import { ownedSamples, type CpuProfile } from './cpuProfile';

const EDITS = Number(process.env.PMKIT_BENCH_EDITS) || 20;
const WARMUP_EDITS = 3;
/**
 * After opening a large document VS Code keeps busy for a few seconds (tokenizing, the Markdown
 * extension's indexing): edits then take up to 2 s to reach the extension host. Warm-up edits go
 * on, up to this many, until SETTLED_EDITS in a row reach it within SETTLED_MS.
 */
const MAX_WARMUP_EDITS = 30;
const SETTLED_EDITS = 3;
const SETTLED_MS = 50;
const WITH_PM102 = [...REFERENCE_DIAGNOSTICS, 'PM102 error 31:13'].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/**
 * With PMKIT_BENCH_PROFILE (a folder), a CPU profile of the extension host (every extension in
 * it, not only ours) is written there for each series of timed edits, `<series>.cpuprofile`, and
 * the series' busy time is reported by owner (see busyTimeByOwner).
 */
async function profiled<T>(series: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.PMKIT_BENCH_PROFILE;
  if (!folder) return work();
  const session = new Session();
  session.connect();
  const post = <R>(method: string, params?: object) =>
    new Promise<R>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as R))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
    session.disconnect();
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${series.replace(/[^\w.-]+/g, '_')}.cpuprofile`), JSON.stringify(profile));
    report({ bench: 'extensionHostProfile', series, ...busyTimeByOwner(profile) });
  }
}

/**
 * Where the extension host's time went (ms): each extension's (with the VS Code API it called),
 * idle, garbage collection, and the rest, VS Code's and Node's. This bench's own code is apart
 * from the extension's.
 */
function busyTimeByOwner(profile: CpuProfile): { totalMs: number; owners: Record<string, number> } {
  // Our bundles: dist/ of the extension (the repo itself in a development run, where the
  // built-in extensions may live below it too).
  const ours = `${vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri.toString() ?? '\0'}/dist/`;
  const ownerOfScript = (url: string): string | undefined => {
    if (url.includes('/dist/test/')) return 'this bench';
    if (url.startsWith(ours)) return 'Post-Mortem Kit';
    return /\/extensions\/([^/]+)\//.exec(url)?.[1];
  };
  const owners: Record<string, number> = {};
  for (const { owner, ms } of ownedSamples(profile, ownerOfScript, 'VS Code and Node.js')) owners[owner] = (owners[owner] ?? 0) + ms;
  for (const owner of Object.keys(owners)) owners[owner] = Math.round(owners[owner]);
  return { totalMs: Math.round((profile.endTime - profile.startTime) / 1000), owners };
}

/**
 * Resolves once the extension host's event loop has run a 10 ms timer on time (within 5 ms) for
 * 200 ms in a row, or after 5 s in any case.
 */
async function extensionHostQuiet(): Promise<void> {
  const deadline = performance.now() + 5_000;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    const asked = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = performance.now();
    if (now - asked > 15) quietSince = now;
    else if (now - quietSince >= 200) return;
  }
}

function report(result: Record<string, unknown>): void {
  console.log(`PMKIT_BENCH ${JSON.stringify(result)}`);
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (x: number) => Math.round(x * 10) / 10;
  return { medianMs: round(at(0.5)), p90Ms: round(at(0.9)), minMs: round(sorted[0]), maxMs: round(sorted[sorted.length - 1]), samples: samples.map(round) };
}

/** The extension's own log file (its output channel), found under the folder the launcher names. */
function extensionLog(): string | undefined {
  const root = process.env.PMKIT_TEST_LOGS;
  if (!root || !existsSync(root)) return undefined;
  const walk = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(file);
        if (found) return found;
      } else if (entry.name === 'Post-Mortem Kit.log' && path.basename(dir) === EXTENSION_ID) {
        return file;
      }
    }
    return undefined;
  };
  const file = walk(root);
  return file && readFileSync(file, 'utf8');
}

/** Waits (up to 10 s) until the extension's log has a line matching `pattern`; its first group as a number. */
async function fromLog(pattern: RegExp): Promise<number | undefined> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const match = pattern.exec(extensionLog() ?? '');
    if (match) return Number(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

interface Timing {
  /** To the first getDiagnostics() that shows the expected diagnostics. */
  visibleMs: number;
  /** To the onDidChangeDiagnostics event after which they are there. */
  eventMs: number;
  /** To the onDidChangeTextDocument event of the edit in the extension host. */
  changeMs: number;
  /** The longest the extension host's event loop was blocked meanwhile (all extensions, not only ours). */
  blockedMs: number;
  /** The longest garbage collection pause of the extension host meanwhile. */
  gcMs: number;
}

/**
 * Runs `edit` and times it until our diagnostics of `uri` summarize to `expected`, both ways
 * (see the top of the file).
 */
function timeEdit(uri: vscode.Uri, expected: string[], edit: () => Thenable<unknown>, timeoutMs = 15_000): Promise<Timing> {
  const want = JSON.stringify(expected);
  const matches = () => JSON.stringify(summarize(ourDiagnostics(uri))) === want;
  return new Promise((resolve, reject) => {
    let visibleMs: number | undefined;
    let eventMs: number | undefined;
    let changeMs: number | undefined;
    let poller: ReturnType<typeof setTimeout> | undefined;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    let gcMs = 0;
    const collections = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcMs = Math.max(gcMs, entry.duration);
    });
    collections.observe({ entryTypes: ['gc'] });
    const finish = () => {
      if (visibleMs === undefined || eventMs === undefined) return;
      cleanup();
      resolve({ visibleMs, eventMs, changeMs: changeMs ?? Number.NaN, blockedMs: loop.max / 1e6, gcMs });
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (eventMs !== undefined || !event.uris.some((u) => u.toString() === uri.toString()) || !matches()) return;
      eventMs = performance.now() - started;
      visibleMs ??= eventMs;
      finish();
    });
    const changes = vscode.workspace.onDidChangeTextDocument((event) => {
      if (changeMs === undefined && event.document.uri.toString() === uri.toString()) changeMs = performance.now() - started;
    });
    const poll = () => {
      if (visibleMs !== undefined) return;
      if (matches()) {
        visibleMs = performance.now() - started;
        finish();
      } else {
        poller = setTimeout(poll, 1);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${want}; diagnostics: ${JSON.stringify(summarize(ourDiagnostics(uri)))}`));
    }, timeoutMs);
    const cleanup = () => {
      loop.disable();
      collections.disconnect();
      changes.dispose();
      clearTimeout(timer);
      clearTimeout(poller);
      subscription.dispose();
    };
    assert.ok(!matches(), `the diagnostics are already ${want} before the edit`);
    const started = performance.now();
    edit().then((applied) => {
      if (applied === false) {
        cleanup();
        reject(new Error('the edit was not applied'));
      }
    }, (error: unknown) => {
      cleanup();
      reject(error instanceof Error ? error : new Error(String(error)));
    });
    poller = setTimeout(poll, 1);
  });
}

/**
 * Toggles the document between two states with `edit` (each edit flips it): warm-up edits (at
 * least WARMUP_EDITS, more until VS Code has settled, see MAX_WARMUP_EDITS), then EDITS timed ones.
 */
async function benchEdits(name: string, uri: vscode.Uri, bytes: number, states: [string[], string[]], edit: () => Thenable<unknown>): Promise<void> {
  const debounceMs = vscode.workspace.getConfiguration('postmortem', uri).get<number>('lint.debounceMs');
  let state = JSON.stringify(summarize(ourDiagnostics(uri))) === JSON.stringify(states[0]) ? 0 : 1;
  const timed: (Timing & { ourLintMs: number })[] = [];
  let warmups = 0;
  let settledInARow = 0;
  await profiled(`${name}-debounce-${debounceMs}`, async () => {
    while (timed.length < EDITS) {
      state = 1 - state;
      await vscode.commands.executeCommand('postmortem.test.lintTimes');
      const timing = await timeEdit(uri, states[state], edit);
      const lintTimes = (await vscode.commands.executeCommand<number[]>('postmortem.test.lintTimes')) ?? [];
      const warmingUp = warmups < WARMUP_EDITS || (settledInARow < SETTLED_EDITS && warmups < MAX_WARMUP_EDITS);
      if (warmingUp) {
        warmups++;
        settledInARow = timing.changeMs < SETTLED_MS ? settledInARow + 1 : 0;
      } else {
        timed.push({ ...timing, ourLintMs: Math.max(0, ...lintTimes) });
      }
      // Each edit starts from a quiet extension host: the work the previous one set off (the
      // Markdown extension's, the garbage collector's) is done.
      await extensionHostQuiet();
    }
  });
  const of = (measure: (t: (typeof timed)[number]) => number) => stats(timed.map(measure));
  report({
    bench: 'editToDiagnostics', document: name, bytes, debounceMs, edits: EDITS, warmupEdits: warmups,
    visible: of((t) => t.visibleMs), event: of((t) => t.eventMs), editReachesExtensionHost: of((t) => t.changeMs),
    changeEventToVisible: of((t) => t.visibleMs - t.changeMs), extensionHostBlocked: of((t) => t.blockedMs),
    longestGcPause: of((t) => t.gcMs), longestLintOfOurs: of((t) => t.ourLintMs),
  });
}

/** Swaps the times of the table rows on `line` and `line + 1` (`| HH:MM:SS | ...`): an out-of-order pair is PM102. */
async function swapRowTimes(editor: vscode.TextEditor, line: number): Promise<boolean> {
  const cell = (l: number) => {
    const text = editor.document.lineAt(l).text;
    assert.match(text, /^\| \d\d:\d\d:\d\d \|/, `line ${l + 1} is not a timed table row`);
    return { range: new vscode.Range(l, 2, l, 10), text: text.slice(2, 10) };
  };
  const [a, b] = [cell(line), cell(line + 1)];
  return editor.edit((edit) => {
    edit.replace(a.range, b.text);
    edit.replace(b.range, a.text);
  });
}

if (/bench/.test(process.env.PMKIT_TEST_GREP ?? '')) {
  describe('bench: VS Code', function () {
    this.timeout(300_000);

    describe('activation', () => {
      it('activates (the first test: nothing has opened a Markdown document yet)', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
        const wasActive = extension.isActive;
        const started = performance.now();
        await extension.activate();
        const activateCallMs = wasActive ? undefined : performance.now() - started;
        const activateMs = await fromLog(/Activated in ([\d.]+) ms/);
        assert.ok(activateMs !== undefined, 'no "Activated in X ms" line in the extension log (is PMKIT_TEST_LOGS set?)');
        report({ bench: 'activation', activateMs, activateCallMs, wasActive, extensionPath: extension.extensionPath });
      });
    });

    describe('edit to diagnostics', () => {
      const opened: vscode.Uri[] = [];

      before(async () => {
        await activateExtension();
        // Saving lints too; the edits here are never saved.
        await setSetting('autoSave', 'off', 'files');
      });
      after(async () => {
        // Discarded before autoSave is back on, or it would save them while they are deleted.
        for (const uri of opened.splice(0)) await discard(uri);
        await resetSettings('lint.debounceMs');
        await setSetting('autoSave', undefined, 'files');
      });

      it('on the reference post-mortem (swapping two timeline timestamps)', async () => {
        const openStarted = performance.now();
        const editor = await openReferenceCopy('bench-reference');
        const uri = editor.document.uri;
        opened.push(uri);
        await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
        const openMs = performance.now() - openStarted;
        const coreLoadMs = await fromLog(/loading the core took ([\d.]+) ms/);
        report({ bench: 'openToDiagnostics', document: 'reference', bytes: editor.document.getText().length, openMs, coreLoadMs });

        const states: [string[], string[]] = [REFERENCE_DIAGNOSTICS, WITH_PM102];
        await benchEdits('reference', uri, editor.document.getText().length, states, () => swapRcaTimestamps(editor));
        await setSetting('lint.debounceMs', 0);
        await benchEdits('reference', uri, editor.document.getText().length, states, () => swapRcaTimestamps(editor));
        await resetSettings('lint.debounceMs');
      });

      it('on a generated ~1 MB post-mortem (swapping two table rows in the middle)', async () => {
        const lines = generateLargePostmortem(1_000_000).split('\n');
        const timed = (l: number) => /^\| \d\d:\d\d:\d\d \| Checked shard/.test(lines[l] ?? '');
        let row = Math.floor(lines.length / 2);
        while (!(timed(row) && timed(row + 1))) row++;
        // Written with the two rows already swapped, so opening it shows a PM102 and the time
        // from opening to the first diagnostics (a full lint of 1 MB) can be seen.
        const swapped = [...lines];
        [swapped[row], swapped[row + 1]] = [`| ${lines[row + 1].slice(2, 10)}${lines[row].slice(10)}`, `| ${lines[row].slice(2, 10)}${lines[row + 1].slice(10)}`];
        const text = swapped.join('\n');
        const uri = workspaceUri('postmortems/bench-large.md');
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        opened.push(uri);
        const withPm102 = [`PM102 error ${row + 1}:2`];

        const openStarted = performance.now();
        const editor = await show(uri);
        await waitForSummary(uri, withPm102, 60_000);
        report({ bench: 'openToDiagnostics', document: '1 MB', bytes: text.length, openMs: performance.now() - openStarted });

        const states: [string[], string[]] = [[], withPm102];
        await benchEdits('1 MB', uri, text.length, states, () => swapRowTimes(editor, row));
        await setSetting('lint.debounceMs', 0);
        await benchEdits('1 MB', uri, text.length, states, () => swapRowTimes(editor, row));
        await resetSettings('lint.debounceMs');
      });
    });
  });
}
