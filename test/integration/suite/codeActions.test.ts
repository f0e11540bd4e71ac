import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  REFERENCE_DIAGNOSTICS, activateExtension, discard, openReferenceCopy, ruleId, waitForDiagnostics, waitForSummary,
} from './helpers';

const FIX_ALL = 'source.fixAll.postmortem';

function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

describe('code actions', () => {
  const opened: vscode.Uri[] = [];

  before(activateExtension);
  afterEach(async () => {
    for (const uri of opened.splice(0)) await discard(uri);
  });

  it('the PM401 quick fix changes $125K to $26.25K and its diagnostic goes away', async () => {
    const editor = await openReferenceCopy('quick-fix');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    const diagnostics = await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
    const pm401 = diagnostics.find((d) => ruleId(d) === 'PM401')!;

    const actions = await codeActions(uri, pm401.range);
    const fix = actions.find((a) => a.title === 'Change the amount to $26.25K');
    assert.ok(fix, `no PM401 fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    // (vscode.executeCodeActionProvider does not return the actions' diagnostics, so they are not checked here.)
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the fix was not applied');

    assert.match(editor.document.lineAt(159).text, /\*\*Engineering Time\*\*: \$26\.25K \(25 engineers/);
    await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => ruleId(x) === 'PM401'), 'PM401 to go away');
  });

  it('offers the documentation of the rule behind a diagnostic', async () => {
    const editor = await openReferenceCopy('docs-action');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    const diagnostics = await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
    const pm402 = diagnostics.find((d) => ruleId(d) === 'PM402')!;

    const actions = await codeActions(uri, pm402.range);
    const docs = actions.find((a) => a.title === 'Show documentation for PM402');
    assert.ok(docs, `no documentation action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(docs.command?.command, 'postmortem.showRuleDocs');
    assert.deepEqual(docs.command?.arguments, ['PM402']);
    // PM402 has no certain fix: nothing to prefer.
    assert.ok(!actions.some((a) => a.isPreferred), 'PM402 got a preferred fix');

    const shown = await vscode.commands.executeCommand<vscode.Uri>('postmortem.showRuleDocs', 'PM402');
    assert.ok(shown?.path.endsWith('/docs/rules/cost-total.md'));
  });

  it(`${FIX_ALL} applies every certain fix in one edit, and the re-lint finds none of them`, async () => {
    const editor = await openReferenceCopy('fix-all');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
    // Two fixable problems: the PM401 amount and a yes/no boolean in the gates (PM304).
    const gateLine = editor.document.getText().split('\n').findIndex((l) => l.includes('required: true'));
    const pm304 = await (async () => {
      const ok = await editor.edit((edit) => edit.replace(editor.document.lineAt(gateLine).range, '    required: yes'));
      assert.ok(ok);
      return waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'PM304'), 'PM304 on "required: yes"');
    })();
    assert.ok(pm304.some((d) => ruleId(d) === 'PM401'));

    const actions = await codeActions(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), FIX_ALL);
    assert.equal(actions.length, 1, `expected one fix-all action, got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(actions[0].kind?.value, FIX_ALL);
    assert.equal(actions[0].edit?.get(uri).length, 2);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!), 'the fix-all edit was not applied');

    assert.match(editor.document.lineAt(159).text, /\$26\.25K/);
    assert.equal(editor.document.lineAt(gateLine).text, '    required: true');
    const after = await waitForDiagnostics(uri, (d) => !d.some((x) => ['PM401', 'PM304'].includes(ruleId(x))), 'the fixed problems to go away');
    assert.deepEqual(after.map(ruleId), ['PM402']);
    // Nothing left to fix.
    assert.deepEqual(await codeActions(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), FIX_ALL), []);
  });

  it('the Fix All command applies the same fixes', async () => {
    const editor = await openReferenceCopy('fix-all-command');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
    assert.equal(await vscode.commands.executeCommand('postmortem.fixAll'), 1);
    assert.match(editor.document.lineAt(159).text, /\$26\.25K/);
    await waitForDiagnostics(uri, (d) => d.length === 1 && ruleId(d[0]) === 'PM402', 'only PM402 to remain');
  });
});
