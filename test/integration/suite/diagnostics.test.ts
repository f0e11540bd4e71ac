import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  REFERENCE, REFERENCE_DIAGNOSTICS, SOURCE, activateExtension, resetSettings, ruleId, setSetting, show, summarize,
  waitForDiagnostics, waitForSummary, workspaceUri,
} from './helpers';

describe('diagnostics', () => {
  const reference = () => workspaceUri(REFERENCE);

  before(activateExtension);
  after(() => resetSettings('rules'));

  it('reports exactly PM401 (line 160) and PM402 (line 167) on the reference post-mortem', async () => {
    await show(reference());
    const diagnostics = await waitForDiagnostics(reference(), (d) => d.length > 0, 'the first diagnostics');
    assert.deepEqual(summarize(diagnostics), REFERENCE_DIAGNOSTICS);

    const [pm401, pm402] = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(pm401.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(pm401.source, SOURCE);
    assert.equal(pm401.range.end.character - pm401.range.start.character, '$125K'.length);
    const document = await vscode.workspace.openTextDocument(reference());
    assert.equal(document.getText(pm401.range), '$125K');
    assert.match(pm401.message, /\$26\.25K/);
    assert.equal(pm402.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(pm402.range), '~$4.2M');
    // PM402 points at each itemized cost it added up.
    assert.equal(pm402.relatedInformation?.length, 4);
    assert.equal(pm402.relatedInformation?.[0].location.uri.toString(), reference().toString());
  });

  it('links each diagnostic code to its rule page shipped with the extension', async () => {
    const diagnostics = await waitForDiagnostics(reference(), (d) => d.length > 0, 'the diagnostics');
    const pm401 = diagnostics.find((d) => ruleId(d) === 'PM401');
    assert.ok(pm401 && typeof pm401.code === 'object' && pm401.code !== null, 'PM401 has no code with a target');
    const target = (pm401.code as { target: vscode.Uri }).target;
    assert.ok(target.path.endsWith('/docs/rules/cost-arithmetic.md'), `unexpected target ${target.toString()}`);
    const extension = vscode.extensions.getExtension('postmortem-kit.postmortem-kit')!;
    assert.equal(target.toString(), vscode.Uri.joinPath(extension.extensionUri, 'docs/rules/cost-arithmetic.md').toString());
    const stat = await vscode.workspace.fs.stat(target);
    assert.ok(stat.size > 0);
  });

  it('clears the diagnostics of a post-mortem when it is closed', async () => {
    const copy = workspaceUri('postmortems/closing.md');
    await vscode.workspace.fs.copy(reference(), copy, { overwrite: true });
    // Opened the way the user opens it: workspace.openTextDocument would keep the document alive
    // for minutes after its editor closes.
    await vscode.commands.executeCommand('vscode.open', copy);
    await waitForSummary(copy, REFERENCE_DIAGNOSTICS);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitForDiagnostics(copy, (d) => d.length === 0, 'the diagnostics to be cleared');
    await vscode.workspace.fs.delete(copy);
  });

  it('applies postmortem.rules and re-lints open post-mortems when the setting changes', async () => {
    await show(reference());
    await waitForSummary(reference(), REFERENCE_DIAGNOSTICS);

    await setSetting('rules', { PM402: 'off', 'cost-arithmetic': 'warning' });
    await waitForSummary(reference(), ['PM401 warning 159:24']);

    await resetSettings('rules');
    await waitForSummary(reference(), REFERENCE_DIAGNOSTICS);
  });
});
