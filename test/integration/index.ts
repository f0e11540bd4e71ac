// Test module loaded by VS Code's extension host (`extensionTestsPath`) under both launchers:
// code-server (launch/code-server.mjs) and @vscode/test-electron (launch/electron.mjs).
// esbuild bundles it into dist/test/integration/index.js; `mocha` stays external.
import { existsSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    reporter: 'spec',
    grep: process.env.PMKIT_TEST_GREP || undefined,
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
  // CI reads this plain line.
  console.log(`${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ''}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
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
  // The launcher watches the log for this line (it travels through the browser page).
  console.log(`PMKIT_SCREENSHOT ${name}`);
  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(file) && statSync(file).size > 0)) {
    if (Date.now() > deadline) throw new Error(`screenshot ${name} was not written within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
  // The launcher watches the log for this line (it travels through the browser page).
  console.log(`PMKIT_BROWSER_PROFILE ${action} ${file}`);
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`the browser profile did not ${action} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
