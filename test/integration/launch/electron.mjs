// Runs the same integration suite in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code (it keeps the download in .vscode-test/). Run `npm run build` first.
// The version is the lowest one engines.vscode allows; PMKIT_VSCODE_VERSION overrides it
// (e.g. `stable`). On Linux without a display, run under `xvfb-run -a`.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values: opts } = parseArgs({ options: { grep: { type: 'string' } } });

const engine = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).engines.vscode;
const version = process.env.PMKIT_VSCODE_VERSION || engine.replace(/^[^\d]*/, '');

const testsModule = path.join(repoRoot, 'dist', 'test', 'integration', 'index');
if (!existsSync(`${testsModule}.js`)) {
  console.error('dist/test/integration/index.js is missing: run `npm run build` first.');
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY) {
  console.warn('No DISPLAY: VS Code (Electron) needs one; run this under `xvfb-run -a` if it fails to start.');
}

function workspaceSource() {
  if (process.env.PMKIT_TEST_WORKSPACE) return path.resolve(repoRoot, process.env.PMKIT_TEST_WORKSPACE);
  const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace');
  return existsSync(fixture) ? fixture : path.join(repoRoot, 'examples');
}

const sandbox = mkdtempSync(path.join(os.tmpdir(), 'pmkit-electron-'));
const workspace = path.join(sandbox, 'workspace');
cpSync(workspaceSource(), workspace, { recursive: true });

let code = 1;
try {
  code = await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsModule,
    extensionTestsEnv: { PMKIT_TEST_HOOKS: '1', PMKIT_TEST_GREP: opts.grep ?? process.env.PMKIT_TEST_GREP ?? '' },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out of the way
      '--disable-workspace-trust',
      '--skip-welcome',
      '--user-data-dir', path.join(sandbox, 'user-data'),
      '--extensions-dir', path.join(sandbox, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`VS Code ${version} integration tests failed: ${error?.message ?? error}`);
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
process.exit(code);
