import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../../src/cli/cli';
import { referencePath, repoRoot, schemaErrors } from '../helpers';

/** Runs the CLI in-process with a fake file system. */
function run(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[path];
    },
    writeFile: (path, text) => {
      files[path] = text;
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    exists: (path) => path in files,
  };
  const code = runCli(args, io);
  return { code, stdout, stderr, files };
}

const reference = readFileSync(referencePath, 'utf8');
const clean = reference.replace('$125K (25 engineers', '$26,250 (25 engineers');

describe('pmkit lint', () => {
  it('exits 1 on the reference document and prints compiler-style lines', () => {
    const { code, stdout } = run(['lint', 'ref.md'], { 'ref.md': reference });
    assert.equal(code, 1);
    assert.match(stdout, /^ref\.md:160:25 error .*\$26\.25K.* \[PM401 cost-arithmetic\]$/m);
    assert.match(stdout, /^ref\.md:167:\d+ warning .* \[PM402 cost-total\]$/m);
  });

  it('exits 0 when only warnings remain', () => {
    const { code, stdout } = run(['lint', 'ref.md'], { 'ref.md': clean });
    assert.equal(code, 0);
    assert.match(stdout, /warning/);
    assert.doesNotMatch(stdout, / error /);
  });

  it('prints exactly the documented JSON', () => {
    const { code, stdout } = run(['lint', '--format', 'json', 'a.md'], { 'a.md': reference });
    assert.equal(code, 1);
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json), ['files']);
    assert.equal(json.files[0].file, 'a.md');
    const [first] = json.files[0].findings;
    assert.deepEqual(Object.keys(first), ['rule', 'name', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    assert.deepEqual(
      { rule: first.rule, name: first.name, severity: first.severity, line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn },
      { rule: 'PM401', name: 'cost-arithmetic', severity: 'error', line: 160, column: 25, endLine: 160, endColumn: 30 },
    );
  });

  it('exits 2 on usage errors and unreadable files, with a message and no stack trace', () => {
    for (const args of [[], ['lint'], ['lint', '--format', 'xml', 'a.md'], ['lint', '--nope', 'a.md'], ['frobnicate'], ['lint', 'missing.md'], ['lint', '--config', 'nope.json', 'a.md']]) {
      const { code, stderr } = run(args, { 'a.md': reference });
      assert.equal(code, 2, `exit code of pmkit ${args.join(' ')}`);
      assert.ok(stderr.length > 0, `a message for pmkit ${args.join(' ')}`);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('applies a configuration: rules off or with another severity, by id or name', () => {
    const config = JSON.stringify({ rules: { PM401: 'warning', 'cost-total': 'off' } });
    const { code, stdout } = run(['lint', '--config', 'c.json', 'a.md'], { 'a.md': reference, 'c.json': config });
    assert.equal(code, 0);
    assert.match(stdout, /warning .* \[PM401 cost-arithmetic\]/);
    assert.doesNotMatch(stdout, /PM402/);
  });

  it('rejects a configuration that is not JSON', () => {
    const { code, stderr } = run(['lint', '--config', 'c.json', 'a.md'], { 'a.md': reference, 'c.json': '{ rules: ' });
    assert.equal(code, 2);
    assert.match(stderr, /not valid JSON/);
  });

  it('--fix applies certain fixes and lints again', () => {
    const { code, files } = run(['lint', '--fix', 'a.md'], { 'a.md': reference });
    assert.equal(code, 0);
    assert.match(files['a.md'], /\*\*Engineering Time\*\*: \$26\.25K \(25 engineers/);
    assert.equal(files['a.md'].length, reference.length + 2);
  });
});

describe('pmkit model', () => {
  it('prints a model valid against the schema', () => {
    const { code, stdout } = run(['model', 'a.md'], { 'a.md': reference });
    assert.equal(code, 0);
    const model = JSON.parse(stdout);
    assert.equal(model.timeline.length, 12);
    assert.deepEqual(schemaErrors(model), []);
  });
});

describe('bin/pmkit (the built executable)', () => {
  const bin = join(repoRoot, 'bin', 'pmkit');
  it('runs, with exit codes 0, 1 and 2', function () {
    this.timeout(30000);
    const dir = mkdtempSync(join(tmpdir(), 'pmkit-'));
    copyFileSync(referencePath, join(dir, 'ref.md'));
    writeFileSync(join(dir, 'clean.md'), clean);
    const lint = (file: string) => spawnSync(process.execPath, [bin, 'lint', file], { cwd: dir, encoding: 'utf8' });
    assert.equal(lint('ref.md').status, 1);
    assert.equal(lint('clean.md').status, 0);
    const missing = lint('missing.md');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read missing\.md: no such file/);
    assert.match(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }), /^\d+\.\d+\.\d+/);
  });
});
