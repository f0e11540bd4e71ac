// `npm run package`: the extension as a .vsix, made by @vscode/vsce from a production build.
//
//   node scripts/package.mjs [--out file.vsix]     (default: <name>-<version>.vsix in the repo root)
//
// Offline: `vsce package --no-dependencies`, since every runtime dependency is bundled by esbuild.
// vsce runs in a throw-away staging directory that holds what .vscodeignore lets through (copied)
// and links to src/ and scripts/ for the build: vsce's `vscode:prepublish` there makes a fresh
// production build into the staging dist/, so the package never picks up source maps, test
// bundles or stale webview chunks from the repo's dist/, and the repo's dist/ (which the
// integration tests use) is left as it is. Prints the package's content and size.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vsceBin = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
/** Needed by the production build, not shipped: linked into the staging directory. */
const BUILD_INPUTS = ['src', 'scripts'];

/**
 * The top-level files and folders .vscodeignore lets through (its `!path` lines), except dist/,
 * which the staging directory builds itself.
 */
function shippedTopLevelEntries() {
  const entries = new Set(['.vscodeignore']);
  for (const line of readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n')) {
    const match = /^!([^*/\s][^/\s]*)/.exec(line.trim());
    if (match && match[1] !== 'dist') entries.add(match[1]);
  }
  return [...entries];
}

function stage() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pmkit-package-'));
  for (const entry of shippedTopLevelEntries()) {
    const source = path.join(repoRoot, entry);
    if (existsSync(source)) cpSync(source, path.join(dir, entry), { recursive: true });
  }
  // esbuild and Node resolve these links to the repo, so node_modules is found there.
  for (const entry of BUILD_INPUTS) symlinkSync(path.join(repoRoot, entry), path.join(dir, entry), 'dir');
  return dir;
}

/** The entries of a .vsix (a zip), read from its central directory: name, size, compressed size. */
export function listVsix(file) {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      size: zip.readUInt32LE(at + 24),
      compressedSize: zip.readUInt32LE(at + 20),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Packages the extension; resolves to the .vsix path, its size in bytes and its entries. */
export function packageExtension({ out, quiet = false } = {}) {
  const { name, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const vsix = path.resolve(out ?? path.join(repoRoot, `${name}-${version}.vsix`));
  if (!existsSync(vsceBin)) throw new Error('@vscode/vsce is not installed: run `npm ci` first.');
  const dir = stage();
  try {
    rmSync(vsix, { force: true });
    mkdirSync(path.dirname(vsix), { recursive: true });
    const result = spawnSync(process.execPath, [vsceBin, 'package', '--no-dependencies', '--out', vsix], {
      cwd: dir,
      encoding: 'utf8',
      // npm (which vsce runs for vscode:prepublish) warns about settings it does not know; keep the log readable.
      env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
    });
    const output = `${result.stdout}${result.stderr}`.replace(/^npm warn Unknown user config.*\n/gm, '');
    if (result.status !== 0 || !existsSync(vsix)) throw new Error(`vsce package failed (exit ${result.status ?? result.signal}):\n${output}`);
    if (!quiet) process.stdout.write(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const entries = listVsix(vsix);
  // What must never ship: a guard against a .vscodeignore that lets too much through.
  const unwanted = entries.filter((e) => /\.map$|^extension\/(dist\/test|src|node_modules|test|bench|scripts)\//.test(e.name));
  if (unwanted.length) throw new Error(`the package holds files that do not run: ${unwanted.map((e) => e.name).join(', ')}`);
  return { vsix, bytes: statSync(vsix).size, entries };
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  try {
    const started = Date.now();
    const { vsix, bytes, entries } = packageExtension({ out: values.out });
    const width = Math.max(...entries.map((e) => e.name.length));
    console.log(`\n${path.relative(process.cwd(), vsix) || vsix}: ${entries.length} files`);
    for (const entry of entries) console.log(`  ${entry.name.padEnd(width)}  ${formatBytes(entry.size).padStart(9)}`);
    const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
    console.log(`  ${'total unpacked'.padEnd(width)}  ${formatBytes(unpacked).padStart(9)}`);
    console.log(`  ${'.vsix'.padEnd(width)}  ${formatBytes(bytes).padStart(9)}`);
    console.log(`Packaged in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    console.error(`package: ${error.message}`);
    process.exit(1);
  }
}
