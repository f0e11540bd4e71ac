// Runs the integration suite (dist/test/integration/index.js) inside a real VS Code: code-server
// serves the workbench, headless Debian Chromium (driven by playwright-core) runs it, and the
// `payload` URL parameter tells VS Code to run our test module in the extension host, the way
// VS Code's own web integration tests do. Run `npm run build` first.
//
//   node test/integration/launch/code-server.mjs [--vsix file.vsix] [--grep pattern]
//
// --vsix tests a packaged extension (installed into the temp extensions dir) instead of the repo.
// Environment: PMKIT_TEST_WORKSPACE (folder to open, copied to a temp dir), PMKIT_TEST_GREP,
// PMKIT_TEST_VSIX, PMKIT_TEST_TIMEOUT (seconds, default 600), PMKIT_TEST_VERBOSE=1 (browser
// console and workbench chatter), PMKIT_TEST_KEEP=1 (keep the temp dir with VS Code's logs).
// A test can log `PMKIT_SCREENSHOT <name>` to get test-results/<name>.png (see screenshot() in ../index.ts).
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { HOST, assertInstalled, findFreePort, installVsix, makeSandbox, startCodeServer } from '../../../scripts/vscode/code-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const resultsDir = path.join(repoRoot, 'test-results');
const testsModule = path.join(repoRoot, 'dist', 'test', 'integration', 'index');
const CHROMIUM = '/usr/bin/chromium';
// The workbench shares the log channel with the extension host; these lines are its start-up
// chatter and the failed extension-gallery look-ups of an offline machine.
const WORKBENCH_NOISE = /^(Creation of workbench contribution|Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:)|ENOTFOUND open-vsx\.org/;

const { values: opts } = parseArgs({
  options: { vsix: { type: 'string' }, grep: { type: 'string' } },
});
const vsix = opts.vsix ?? process.env.PMKIT_TEST_VSIX;
const grep = opts.grep ?? process.env.PMKIT_TEST_GREP;
const timeoutSeconds = Number(process.env.PMKIT_TEST_TIMEOUT || 600);
const verbose = process.env.PMKIT_TEST_VERBOSE === '1';

function workspaceSource() {
  if (process.env.PMKIT_TEST_WORKSPACE) return path.resolve(repoRoot, process.env.PMKIT_TEST_WORKSPACE);
  const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace');
  return existsSync(fixture) ? fixture : path.join(repoRoot, 'examples');
}

function preflight() {
  assertInstalled();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install the Debian package chromium.`);
  for (const file of [`${testsModule}.js`, path.join(repoRoot, 'dist', 'extension.js')]) {
    if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` first.`);
  }
  if (vsix && !existsSync(vsix)) throw new Error(`--vsix ${vsix}: no such file.`);
}

async function main() {
  preflight();
  mkdirSync(resultsDir, { recursive: true });
  // before-window-reload.json: left by a run stopped during its window reload (test/integration/index.ts).
  for (const stale of ['code-server-final.png', 'code-server-failure.png', 'before-window-reload.json']) rmSync(path.join(resultsDir, stale), { force: true });
  const sandbox = makeSandbox('pmkit-code-server-');
  const folder = path.join(sandbox.root, 'workspace');
  cpSync(workspaceSource(), folder, { recursive: true });
  // VS Code runs extensionTestsPath only in extension development mode, so with a .vsix the
  // development path is an empty stand-in extension and the real one is the installed package.
  let developmentPath = repoRoot;
  if (vsix) {
    installVsix(sandbox, path.resolve(vsix));
    developmentPath = path.join(sandbox.root, 'test-host');
    mkdirSync(developmentPath);
    writeFileSync(path.join(developmentPath, 'package.json'), JSON.stringify(
      { name: 'test-host', publisher: 'pmkit-test', version: '0.0.0', engines: { vscode: '*' } }));
  }

  const port = await findFreePort();
  const logFile = path.join(resultsDir, 'code-server.log');
  let server;
  let browser;
  let page;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (process.env.PMKIT_TEST_KEEP !== '1') sandbox.remove();
  };
  // Ctrl+C or a CI cancel: still stop what we started.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => cleanup().finally(() => process.exit(130)));
  }

  const screenshot = async (name) => {
    const file = path.join(resultsDir, `${name.replace(/[^\w.-]/g, '_')}.png`);
    try {
      await page?.screenshot({ path: file });
      console.log(`[launcher] screenshot ${path.relative(repoRoot, file)}`);
    } catch (error) {
      console.log(`[launcher] screenshot ${name} failed: ${error.message}`);
    }
  };

  // A CPU profile of the page's main thread (the workbench, and the webviews it runs in the same
  // process): `start` and `stop` lines from the tests, answered by files they wait for (see
  // browserProfile() in test/integration/index.ts).
  let profiler;
  const browserProfile = async (action, file) => {
    try {
      profiler ??= await page.context().newCDPSession(page);
      if (action === 'start') {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
        await profiler.send('Profiler.start');
        writeFileSync(`${file}.started`, '');
      } else {
        const { profile } = await profiler.send('Profiler.stop');
        writeFileSync(file, JSON.stringify(profile));
        rmSync(`${file}.started`, { force: true });
      }
    } catch (error) {
      console.log(`[launcher] browser profile ${action} failed: ${error.message}`);
    }
  };

  // Waits until the page's main thread has run its timers on time for `quietMs` (the workbench
  // done with what it was doing: loading grammars, laying out), then writes the wait to `file`.
  // The benchmarks ask for it before they time something that starts from a settled window.
  const browserQuiet = async (quietMs, file) => {
    try {
      const waitedMs = await page.evaluate((quiet) => new Promise((resolve) => {
        const started = performance.now();
        let quietSince = started;
        let last = started;
        const tick = () => {
          const now = performance.now();
          if (now - last > 30) quietSince = now;
          last = now;
          if (now - quietSince >= quiet || now - started > 30_000) resolve(Math.round(now - started));
          else setTimeout(tick, 10);
        };
        setTimeout(tick, 10);
      }), quietMs);
      // Renamed into place: the test reads the file as soon as it exists.
      writeFileSync(`${file}.partial`, JSON.stringify({ waitedMs }));
      renameSync(`${file}.partial`, file);
    } catch (error) {
      console.log(`[launcher] waiting for a quiet page failed: ${error.message}`);
    }
  };

  let settle;
  const finished = new Promise((resolve) => { settle = resolve; });
  // The overall limit covers start-up too: a hung workbench must not hold CI for an hour.
  const timer = setTimeout(() => settle('timeout'), timeoutSeconds * 1000);

  try {
    server = await startCodeServer({
      sandbox, port, folder, logFile,
      // Read by the test module inside the extension host (a child of code-server).
      // PMKIT_TEST_HOOKS: the extension registers its postmortem.test.* commands (src/extension/testHooks.ts).
      // PMKIT_TEST_LOGS: VS Code's log folder, where the extension's output channel is written (the bench reads it).
      // PMKIT_TEST_RELOAD: the page runs the test module again after the tests reload the window (see test/integration/index.ts).
      env: { PMKIT_TEST_HOOKS: '1', PMKIT_TEST_RELOAD: '1', PMKIT_TEST_GREP: grep ?? '', PMKIT_TEST_RESULTS: resultsDir, PMKIT_TEST_LOGS: path.join(sandbox.userData, 'logs') },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Chromium's crash reporter writes under XDG_CONFIG_HOME even with a temp profile.
      env: { ...process.env, XDG_CONFIG_HOME: sandbox.xdgConfig },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    // Both must exist before the workbench loads: it looks them up when the tests start.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (verbose || !WORKBENCH_NOISE.test(line)) console.log(line);
      const match = /^PMKIT_SCREENSHOT (\S+)/m.exec(line);
      if (match) void screenshot(match[1]);
      const profiling = /^PMKIT_BROWSER_PROFILE (start|stop) (\S+)/m.exec(line);
      if (profiling) void browserProfile(profiling[1], profiling[2]);
      const quiet = /^PMKIT_BROWSER_QUIET (\d+) (\S+)/m.exec(line);
      if (quiet) void browserQuiet(Number(quiet[1]), quiet[2]);
      if (/No extension host found that can launch the test runner/.test(line)) settle('VS Code did not start the tests');
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number.isInteger(code) ? code : 1));
    if (verbose) page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
    page.on('crash', () => settle(1));
    void server.exit.then((code) => settle(`code-server exited (${code})`));

    // vscode-remote URIs: the extension and the tests live on the code-server side.
    const remote = (p) => `vscode-remote://${path.posix.join(`${HOST}:${port}`, p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(developmentPath)],
      ['extensionTestsPath', remote(testsModule)],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?${new URLSearchParams({ folder, payload: JSON.stringify(payload) })}`;
    console.log(`[launcher] code-server ${server.url}, workspace copy of ${path.relative(repoRoot, workspaceSource())}` +
      `${vsix ? `, extension from ${vsix}` : ''}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });

    const outcome = await finished;
    const code = typeof outcome === 'number' ? outcome : 1;
    if (outcome === 'timeout') {
      console.error(`[launcher] integration tests did not finish within ${timeoutSeconds} s (PMKIT_TEST_TIMEOUT); see ${path.relative(repoRoot, logFile)}`);
    } else if (typeof outcome === 'string') {
      console.error(`[launcher] ${outcome}; see ${path.relative(repoRoot, logFile)}`);
    }
    await screenshot(code === 0 ? 'code-server-final' : 'code-server-failure');
    return code;
  } catch (error) {
    await screenshot('code-server-failure');
    throw error;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

const started = Date.now();
main().then(
  (code) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[launcher] integration tests ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s`);
    process.exit(code);
  },
  (error) => {
    console.error(`[launcher] ${error.message}`);
    process.exit(1);
  },
);
