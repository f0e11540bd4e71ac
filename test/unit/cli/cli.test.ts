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

describe('pmkit scaffold', () => {
  it('prints the text with the Action Items table, says what it did on stderr, exits 0 and writes nothing', () => {
    const { code, stdout, stderr, files } = run(['scaffold', 'ref.md'], { 'ref.md': reference });
    assert.equal(code, 0);
    assert.equal(files['ref.md'], reference);
    assert.match(stdout, /\n## Action Items\n\n\| ID \| Action \| Type \| Priority \| Owner \| Due \| Status \| Ticket \| Source \|\n/);
    assert.equal((stdout.match(/^\| AI-\d+ \|/gm) ?? []).length, 10);
    assert.match(stderr, /ref\.md: 10 action items added, 0 updated \(not written; use --write\)/);
  });

  it('--write writes once; running it again changes nothing; a fresh scaffold does not make lint fail', () => {
    const files: Record<string, string> = { 'clean.md': clean };
    const first = run(['scaffold', '--write', 'clean.md'], files);
    assert.equal(first.code, 0);
    assert.match(first.stdout, /clean\.md: 10 action items added, 0 updated/);
    const once = files['clean.md'];
    for (let i = 0; i < 2; i++) {
      const again = run(['scaffold', '--write', 'clean.md'], files);
      assert.match(again.stdout, /clean\.md: action items are up to date/);
      assert.equal(files['clean.md'], once);
    }
    const lint = run(['lint', 'clean.md'], files);
    assert.equal(lint.code, 0, lint.stdout);
    assert.match(lint.stdout, /warning .* \[PM601 action-item-placeholder\]/);
  });

  it('reads actionItems from the configuration: section title, placement and due days (also for PM602)', () => {
    const config = JSON.stringify({ actionItems: { sectionTitle: 'Follow-ups', placement: 'end', dueDays: { 'SEV-1': 5 } } });
    const files: Record<string, string> = { 'a.md': clean, '.pmkitrc.json': config };
    assert.equal(run(['scaffold', '--write', 'a.md'], files).code, 0);
    assert.ok(files['a.md'].startsWith(clean + '\n\n## Follow-ups\n\n| ID |'));
    assert.match(files['a.md'], /\| AI-1 \| .* \| 2023-12-28 \| Done \|/);
    // Moving a due date past the configured 5 days is reported by PM602.
    files['a.md'] = files['a.md'].replace(/(\| AI-5 \| .*?\| )2023-12-28( \|)/, '$12024-01-05$2');
    const lint = run(['lint', 'a.md'], files);
    assert.match(lint.stdout, /AI-5 is due 2024-01-05, 13 days after the incident; the service level for SEV-1 is 5 days/);
  });

  it('exits 1, writing nothing, when the table would land inside an unclosed code block', () => {
    const text = '# Outage\n\n**Date**: 2024-05-02\n\n## Lessons Learned\n\n- Cap retries at 3\n\n## Logs\n\n```\nERROR retry storm\n';
    const files: Record<string, string> = { 'a.md': text, '.pmkitrc.json': JSON.stringify({ actionItems: { placement: 'end' } }) };
    const { code, stderr } = run(['scaffold', '--write', 'a.md'], files);
    assert.equal(code, 1);
    assert.match(stderr, /inside the code block that starts on line 11/);
    assert.equal(files['a.md'], text);
  });

  it('exits 2 without exactly one readable file', () => {
    for (const args of [['scaffold'], ['scaffold', 'a.md', 'b.md'], ['scaffold', 'missing.md'], ['scaffold', '--nope', 'a.md'], ['actions', '--format', 'xml', 'a.md'], ['actions']]) {
      const { code, stderr } = run(args, { 'a.md': reference, 'b.md': reference });
      assert.equal(code, 2, `exit code of pmkit ${args.join(' ')}`);
      assert.ok(stderr.length > 0);
    }
  });
});

describe('pmkit actions', () => {
  it('prints the action items as CSV or as a checklist', () => {
    const files: Record<string, string> = { 'a.md': reference };
    run(['scaffold', '--write', 'a.md'], files);
    const csv = run(['actions', 'a.md'], files);
    assert.equal(csv.code, 0);
    const records = csv.stdout.split('\r\n');
    assert.equal(records[0], 'ID,Action,Type,Priority,Owner,Due,Status,Ticket,Source');
    assert.equal(records[1], 'AI-1,Protocol Compatibility Check: Added to deployment pipeline,prevent,P1,,2024-01-07,Done,,Protocol Compatibility Check (#immediate-actions-completed)');
    assert.equal(records.length, 12);
    const checklist = run(['actions', '--format', 'checklist', 'a.md'], files);
    assert.match(checklist.stdout, /^- \[x\] \*\*AI-1\*\* Protocol Compatibility Check: Added to deployment pipeline \(due 2024-01-07, prevent, P1\)$/m);
    assert.match(checklist.stdout, /^- \[ \] \*\*AI-10\*\* Initial diagnosis focused on wrong component \(Kafka\) \(due 2024-01-07, P1\)$/m);
    const none = run(['actions', 'r.md'], { 'r.md': reference });
    assert.equal(none.code, 0);
    assert.match(none.stderr, /has no action items table/);
  });
});
