// `npm run bench`: runs each benchmark in its own process so one's warm-up cannot help another.
// Results are printed and written to bench/results/*.json.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['core: lint vs markdownlint, re-lint after an edit, pathological inputs', ['node', ['--import', 'tsx', 'bench/core.bench.ts']]],
  ['VS Code: edit to diagnostics, activation, bundle size', ['node', ['bench/vscode.bench.mjs']], 'bench/vscode.bench.mjs'],
  ['preview: edit to updated SVG, first diagram', ['node', ['bench/preview.bench.mjs']], 'bench/preview.bench.mjs'],
];

let failed = false;
for (const [title, [command, args], requires] of steps) {
  if (requires && !existsSync(requires)) continue;
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`benchmark failed: ${title} (exit ${result.status})`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
