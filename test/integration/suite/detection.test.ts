import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  REFERENCE_DIAGNOSTICS, activateExtension, discard, expectNoDiagnosticsChange, lintResult, openReferenceCopy, ourDiagnostics,
  replaceOnLine, resetSettings, ruleId, setSetting, show, swapRcaTimestamps, waitForDiagnostics, waitForSummary, workspaceUri,
} from './helpers';

describe('which documents are post-mortems', () => {
  const opened: vscode.Uri[] = [];

  before(activateExtension);
  after(async () => {
    for (const uri of opened.splice(0)) await discard(uri);
  });

  it('a README that reads like a post-mortem gets no diagnostics', async () => {
    // Its headings name a timeline, an impact and lessons, and its cost line is wrong (PM401 if linted).
    const readme = workspaceUri('README.md');
    await show(readme);
    // Control: a post-mortem opened after the README gets its diagnostics, so the README's lint ran too.
    await vscode.workspace.fs.copy(workspaceUri('postmortems/incident-anatomy-evcache.md'), workspaceUri('postmortems/control.md'), { overwrite: true });
    const control = workspaceUri('postmortems/control.md');
    opened.push(control);
    await show(control);
    await waitForSummary(control, REFERENCE_DIAGNOSTICS);

    assert.deepEqual(ourDiagnostics(readme), []);
    assert.equal(await lintResult(readme), undefined, 'the extension treats the README as a post-mortem');
  });

  it('front matter with type: postmortem makes any Markdown document a post-mortem', async () => {
    // notes/checkout-retro.md: no glob matches its path and its headings name no post-mortem section.
    const retro = workspaceUri('notes/checkout-retro.md');
    await show(retro);
    await waitForDiagnostics(retro, (d) => d.some((x) => ruleId(x) === 'PM401' && x.range.start.line === 10), 'PM401 on the cost line');
  });

  it('"Lint This Document" lints any Markdown document and keeps linting it while it is open', async () => {
    const notes = workspaceUri('notes/budget-notes.md');
    const editor = await show(notes);
    assert.equal(await lintResult(notes), undefined, 'budget-notes.md should not look like a post-mortem');

    const count = await vscode.commands.executeCommand<number>('postmortem.lintDocument');
    assert.ok(count && count > 0, `expected problems, got ${count}`);
    const diagnostics = await waitForDiagnostics(notes, (d) => d.some((x) => ruleId(x) === 'PM401'), 'PM401 in budget-notes.md');
    assert.equal(diagnostics.find((x) => ruleId(x) === 'PM401')!.range.start.line, 6);

    // Still linted on type: fixing the amount removes PM401.
    await replaceOnLine(editor, 6, '$99K', '$2.8K');
    await waitForDiagnostics(notes, (d) => !d.some((x) => ruleId(x) === 'PM401'), 'PM401 to go away after the edit');
    opened.push(notes);
  });

  it('a post-mortem over postmortem.lint.maxFileSizeKB is linted only on request, then as usual', async () => {
    await setSetting('lint.maxFileSizeKB', 4);
    try {
      // The reference is 8.6 KB.
      const editor = await openReferenceCopy('too-large');
      const uri = editor.document.uri;
      opened.push(uri);
      await expectNoDiagnosticsChange(uri, 1_000, 'the document is over the size limit');
      assert.deepEqual(ourDiagnostics(uri), []);
      assert.equal(await lintResult(uri), undefined, 'hovers and code actions should not lint it either');

      await vscode.commands.executeCommand('postmortem.lintDocument', uri);
      await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
      // Linted as usual from then on: an edit that swaps two timestamps adds the ordering error.
      await swapRcaTimestamps(editor);
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'PM102'), 'PM102 after the swap');
    } finally {
      await resetSettings('lint.maxFileSizeKB');
    }
  });
});
