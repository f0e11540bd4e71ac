// `npm start`: the extension, freshly built, in a real VS Code (code-server) on 127.0.0.1,
// with the examples open. Runs until Ctrl+C. PORT picks the port (default 8080, else a free one).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInstalled } from './install-code-server.mjs';
import { findFreePort, makeSandbox, startCodeServer } from './code-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(script) {
  const result = spawnSync(process.execPath, [script], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!isInstalled()) run('scripts/vscode/install-code-server.mjs');
run('scripts/build.mjs');

const { publisher, name, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const sandbox = makeSandbox('pmkit-start-');
// An extension folder named <publisher>.<name>-<version> in the extensions dir is picked up
// at start-up; a symlink to the repo makes it the development build (reload after `npm run build`).
symlinkSync(repoRoot, path.join(sandbox.extensions, `${publisher}.${name}-${version}`), 'dir');
// A copy, so trying things out never edits the repo's examples.
const folder = path.join(sandbox.root, 'examples');
cpSync(path.join(repoRoot, 'examples'), folder, { recursive: true });

const port = await findFreePort(Number(process.env.PORT) || 8080);
if (process.env.PORT && port !== Number(process.env.PORT)) {
  console.error(`Port ${process.env.PORT} is in use.`);
  sandbox.remove();
  process.exit(1);
}
let server;
try {
  server = await startCodeServer({ sandbox, port, folder, logFile: path.join(sandbox.root, 'code-server.log') });
} catch (error) {
  console.error(error.message);
  sandbox.remove();
  process.exit(1);
}

let stopping = false;
const stop = async () => {
  stopping = true;
  console.log('Stopping code-server ...');
  await server.stop();
  sandbox.remove();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

console.log(`\nPost-Mortem Kit is running in VS Code at ${server.url}/?folder=${encodeURI(folder)}`);
console.log(`(code-server log: ${path.join(sandbox.root, 'code-server.log')}). Press Ctrl+C to stop.\n`);
const code = await server.exit;
if (!stopping) {
  console.error(`code-server stopped unexpectedly (${code}).`);
  sandbox.remove();
  process.exit(1);
}
