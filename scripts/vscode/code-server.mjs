// Starting and stopping code-server, shared by `npm start` and the integration test launcher.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerBin, isInstalled } from './install-code-server.mjs';

export const HOST = '127.0.0.1';

/** A port on 127.0.0.1 that is free right now: `preferred` if possible, else one the OS picks. */
export async function findFreePort(preferred) {
  const tryListen = (port) => new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, HOST, () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
  return (preferred && (await tryListen(preferred))) || tryListen(0);
}

/**
 * A throw-away home for one code-server run: user data, extensions, and its own XDG dirs,
 * because code-server otherwise writes a config file and logs into the user's home.
 */
export function makeSandbox(prefix) {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg-config'),
    xdgData: path.join(root, 'xdg-data'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return { ...dirs, remove: () => rmSync(root, { recursive: true, force: true }) };
}

function baseArgs(sandbox) {
  return [
    '--config', path.join(sandbox.xdgConfig, 'config.yaml'),
    '--user-data-dir', sandbox.userData,
    '--extensions-dir', sandbox.extensions,
  ];
}

function baseEnv(sandbox, extraEnv) {
  return { ...process.env, XDG_CONFIG_HOME: sandbox.xdgConfig, XDG_DATA_HOME: sandbox.xdgData, ...extraEnv };
}

export function assertInstalled() {
  if (!isInstalled()) {
    throw new Error('code-server is not installed: run `npm run vscode:install` first.');
  }
}

/** `code-server --install-extension file.vsix` into the sandbox's extensions dir. */
export function installVsix(sandbox, vsix) {
  const result = spawnSync(process.execPath, [codeServerBin, ...baseArgs(sandbox), '--install-extension', vsix, '--force'],
    { env: baseEnv(sandbox), encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group (so stop() also ends the
 * extension host and other children it spawns). Output goes to `logFile`, or is inherited.
 * Resolves once the server answers on /healthz.
 */
export async function startCodeServer({ sandbox, port, folder, logFile, env }) {
  const args = [
    codeServerBin, ...baseArgs(sandbox),
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(folder ? [folder] : []),
  ];
  const child = spawn(process.execPath, args, {
    env: baseEnv(sandbox, env),
    detached: true,
    stdio: logFile ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  if (logFile) {
    const log = createWriteStream(logFile);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve(code ?? signal); }));

  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exit;
    clearTimeout(timer);
  };

  const url = `http://${HOST}:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up (${await exit})${logFile ? `; see ${logFile}` : ''}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url, exit, stop };
}
