// Installs code-server (VS Code's workbench + extension host, served to a browser) from the npm
// registry into .vscode-test/code-server/, so the integration tests can run in a real VS Code
// on machines that cannot download VS Code itself. Offline-safe: needs only npm and Debian.
// Idempotent: a marker file with the version makes a second run a no-op.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// 4.100.3 (= VS Code 1.100.3) is the last code-server that runs on Node 20.
export const CODE_SERVER_VERSION = '4.100.3';
// Pinned by code-server 4.100.3's lockfile: @vscode/ripgrep and the ripgrep build it fetches.
const VSCODE_RIPGREP_VERSION = '1.15.11';
const RIPGREP_TAG = 'v13.0.0-10';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const installDir = path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerBin = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const marker = path.join(installDir, '.installed');

export function isInstalled() {
  return existsSync(codeServerBin) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION;
}

function fail(message) {
  console.error(`vscode:install: ${message}`);
  process.exit(1);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function checkPrerequisites() {
  if (process.platform !== 'linux') fail('code-server is installed from npm on Linux only.');
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) fail(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is Node ${process.versions.node}).`);
  const missing = [];
  if (!existsSync('/usr/bin/rg')) missing.push(['/usr/bin/rg', 'ripgrep']);
  // kerberos (a VS Code dependency) compiles against the MIT Kerberos headers.
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !onPath('krb5-config')) missing.push(['Kerberos headers', 'libkrb5-dev']);
  for (const [tool, pkg] of [['make', 'make'], ['g++', 'g++'], ['python3', 'python3']]) {
    if (!onPath(tool)) missing.push([tool, pkg]);
  }
  if (missing.length) {
    const pkgs = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
    fail(`missing ${missing.map(([what, pkg]) => `${what} (Debian package ${pkg})`).join(', ')}.\n` +
      `  Install with: apt-get update && apt-get install -y ${pkgs}`);
  }
}

// @vscode/ripgrep's postinstall downloads rg from GitHub unless this cache file exists:
// serve it Debian's rg instead.
function seedRipgrepCache() {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[os.arch()];
  if (!target) fail(`no ripgrep cache mapping for architecture ${os.arch()}.`);
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${VSCODE_RIPGREP_VERSION}`);
  const tarball = path.join(cacheDir, `ripgrep-${RIPGREP_TAG}-${target}.tar.gz`);
  if (existsSync(tarball)) return;
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(path.join(os.tmpdir(), 'rg-'));
  copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
  run('tar', ['-czf', tarball, '-C', staging, 'rg'], {});
  rmSync(staging, { recursive: true, force: true });
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
}

function install() {
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  // npm 11 runs dependency install scripts only when allowed; an allowScripts field in the
  // install location's package.json is the way for a project-scoped install.
  writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({
    name: 'vscode-test-code-server',
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { "code-server": true, argon2: true },
  }, null, 2) + '\n');

  const env = {
    ...process.env,
    // As root, code-server's postinstall refuses to run without unsafe-perm.
    npm_config_unsafe_perm: 'true',
    // node-pty's install runs `npx node-gyp`; never stop at a prompt.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp downloads Node's headers unless told where the installed ones are.
  const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && existsSync(path.join(nodePrefix, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }

  // Step 1: fetch without running scripts, so the nested projects exist before step 2.
  run('npm', ['install', '--ignore-scripts'], { cwd: installDir, env });

  // Step 2: code-server's postinstall runs `npm install` inside lib/vscode and
  // lib/vscode/extensions; those are separate projects, so allow their native builds there.
  const vscodeDir = path.join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
  writeFileSync(path.join(vscodeDir, '.npmrc'), 'allow-scripts=' + [
    '@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog',
    'kerberos', 'native-watchdog', 'node-pty',
  ].join(',') + '\n');
  writeFileSync(path.join(vscodeDir, 'extensions', '.npmrc'), 'allow-scripts=@parcel/watcher,esbuild\n');

  // Step 3: run the allowed install scripts (argon2's native build, code-server's postinstall).
  run('npm', ['rebuild'], { cwd: installDir, env });

  if (!existsSync(path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'))) {
    fail('code-server installed, but its ripgrep binary is missing (see the log above).');
  }
  writeFileSync(marker, CODE_SERVER_VERSION + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (isInstalled()) {
    console.log(`code-server ${CODE_SERVER_VERSION} is already installed in ${path.relative(process.cwd(), installDir) || '.'}`);
  } else {
    checkPrerequisites();
    seedRipgrepCache();
    const started = Date.now();
    console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), installDir)} ...`);
    install();
    console.log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}
