// Runs the integration launcher (code-server + headless Chromium) on the bench suites whose
// names match `grep`, and collects what they report on lines `PMKIT_BENCH {json}`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {object} options
 * @param {string} options.grep the mocha grep naming the bench suites
 * @param {string} [options.vsix] run against this installed .vsix instead of the repo's build
 * @param {Record<string, string>} [options.env] extra environment for the suite
 * @param {(line: string) => void} [options.echo] what to do with the other output lines
 * @returns {Promise<object[]>} the reported results, in order
 */
export function launchBenchSuite({ grep, vsix, env = {}, echo = () => {} }) {
  return new Promise((resolve, reject) => {
    const args = ['test/integration/launch/code-server.mjs', '--grep', grep, ...(vsix ? ['--vsix', vsix] : [])];
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const results = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = /PMKIT_BENCH (\{.*\})\s*$/.exec(line);
        if (match) results.push(JSON.parse(match[1]));
        else echo(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(results) : reject(new Error(`the bench suite failed (exit ${code})`))));
  });
}
