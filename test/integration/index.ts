// Test module loaded by VS Code's extension host (`extensionTestsPath`) under both launchers:
// code-server (launch/code-server.mjs) and @vscode/test-electron (launch/electron.mjs).
// esbuild bundles it into dist/test/integration/index.js; `mocha` stays external.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** What the run before a window reload leaves for the run after it (see reloadMarker). */
interface BeforeReload {
  passes: number;
  failures: number;
  pending: number;
}

/**
 * The module runs twice when the launcher runs it again after a window reload (code-server sets
 * PMKIT_TEST_RELOAD): every suite, then, after a real window reload with the preview open, the
 * window reload suite (suite/windowReload.test.ts). This file carries the first run's counts over.
 */
function reloadMarker(): string | undefined {
  const dir = process.env.PMKIT_TEST_RESULTS;
  return process.env.PMKIT_TEST_RELOAD === '1' && !process.env.PMKIT_TEST_GREP && dir ? path.join(dir, 'before-window-reload.json') : undefined;
}

export async function run(): Promise<void> {
  const marker = reloadMarker();
  const before = marker && existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as BeforeReload) : undefined;
  if (marker) rmSync(marker, { force: true });
  if (before) process.env.PMKIT_TEST_AFTER_RELOAD = '1';
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    reporter: 'spec',
    grep: before ? /^window reload / : process.env.PMKIT_TEST_GREP || undefined,
  });
  // The suites are bundled, not loaded as files: give them describe/it first, then evaluate them.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  try {
    await import('./suite/all');
  } catch (error) {
    console.error('Loading the integration suites failed:', error);
    console.log('0 passed, 1 failed');
    throw error;
  }

  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  if (marker && !before) {
    const { prepareWindowReload } = await import('./suite/windowReload.test');
    await prepareWindowReload();
    const counts: BeforeReload = { passes: stats.passes, failures: stats.failures, pending: stats.pending };
    writeFileSync(marker, JSON.stringify(counts));
    // VS Code's own reload, as Developer: Reload Window does it: the workbench saves its state
    // (the open panels among it) before the page goes. (A reload of the page from outside raced
    // that save: once, no panel was restored.) This extension host ends here, and VS Code runs
    // the module again.
    await vscode.commands.executeCommand('workbench.action.reloadWindow');
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    throw new Error('the window was not reloaded within 60 s');
  }
  const passes = stats.passes + (before?.passes ?? 0);
  const failures = stats.failures + (before?.failures ?? 0);
  const pending = stats.pending + (before?.pending ?? 0);
  if (before && stats.passes + stats.failures === 0) throw new Error('the window reload suite did not run');
  // CI reads this plain line.
  console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}

/**
 * Saves a screenshot of the workbench as test-results/<name>.png and waits until it is written.
 * Only the code-server launcher can take screenshots; elsewhere this does nothing.
 */
export async function screenshot(name: string, timeoutMs = 10_000): Promise<void> {
  const dir = process.env.PMKIT_TEST_RESULTS;
  if (!dir) return;
  const file = path.join(dir, `${name.replace(/[^\w.-]/g, '_')}.png`);
  rmSync(file, { force: true });
  await askLauncher(`PMKIT_SCREENSHOT ${name}`, () => existsSync(file) && statSync(file).size > 0, `screenshot ${name} was not written`, timeoutMs);
}

/**
 * Starts or stops a CPU profile of the browser page's main thread, where the workbench and the
 * webviews run (stop writes it to `file`), and waits until the launcher has done it. Only the
 * code-server launcher can profile the page; elsewhere this resolves to false and does nothing.
 */
export async function browserProfile(action: 'start' | 'stop', file: string, timeoutMs = 10_000): Promise<boolean> {
  if (!process.env.PMKIT_TEST_RESULTS) return false;
  const done = action === 'start' ? () => existsSync(`${file}.started`) : () => existsSync(file) && !existsSync(`${file}.started`);
  if (action === 'start') rmSync(file, { force: true });
  await askLauncher(`PMKIT_BROWSER_PROFILE ${action} ${file}`, done, `the browser profile did not ${action}`, timeoutMs);
  return true;
}

/**
 * Waits until the browser page's main thread (the workbench's) has run its timers on time for
 * `quietMs`; resolves to how long that took, or undefined where the launcher cannot tell (only
 * the code-server launcher can).
 */
export async function browserQuiet(quietMs: number, timeoutMs = 40_000): Promise<number | undefined> {
  const dir = process.env.PMKIT_TEST_RESULTS;
  if (!dir) return undefined;
  const file = path.join(dir, 'browser-quiet.json');
  rmSync(file, { force: true });
  await askLauncher(`PMKIT_BROWSER_QUIET ${quietMs} ${file}`, () => existsSync(file), 'the page did not become quiet', timeoutMs);
  return (JSON.parse(readFileSync(file, 'utf8')) as { waitedMs: number }).waitedMs;
}

/**
 * Logs `line` for the code-server launcher, which watches the log (it travels through the
 * browser page) and answers with files, and waits until `done()` says they are there.
 */
async function askLauncher(line: string, done: () => boolean, failure: string, timeoutMs: number): Promise<void> {
  console.log(line);
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${failure} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
