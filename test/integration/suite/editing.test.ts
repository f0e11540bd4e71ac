import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  REFERENCE_DIAGNOSTICS, activateExtension, discard, expectNoDiagnosticsChange, openReferenceCopy, ourDiagnostics,
  resetSettings, ruleId, setSetting, summarize, swapRcaTimestamps, waitForDiagnostics, waitForSummary,
} from './helpers';

const DEBOUNCE_MS = 250;
/** Well past the debounce: a lint that was going to run has run by then. */
const QUIET_WINDOW_MS = DEBOUNCE_MS * 4;
const WITH_PM102 = [...REFERENCE_DIAGNOSTICS, 'PM102 error 31:13'].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

describe('linting while editing', () => {
  const opened: vscode.Uri[] = [];

  before(async () => {
    await activateExtension();
    // code-server saves after a second by default, and saving lints: these tests decide when to save.
    await setSetting('autoSave', 'off', 'files');
  });
  after(() => setSetting('autoSave', undefined, 'files'));
  afterEach(async () => {
    await resetSettings('lint.run', 'lint.debounceMs');
    for (const uri of opened.splice(0)) await discard(uri);
  });

  it('swapping two timeline timestamps adds PM102 timeline-order, and undo removes it', async () => {
    const editor = await openReferenceCopy('editing-swap');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);

    await swapRcaTimestamps(editor);
    const diagnostics = await waitForSummary(uri, WITH_PM102);
    const pm102 = diagnostics.find((d) => ruleId(d) === 'PM102')!;
    assert.equal(editor.document.getText(pm102.range), '14:30:00');
    assert.equal(pm102.severity, vscode.DiagnosticSeverity.Error);

    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.lineAt(29).text, /RCA1\[14:30:00/);
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
  });

  it('an edit undone before the debounce ends publishes nothing', async () => {
    await setSetting('lint.debounceMs', 2_000);
    const editor = await openReferenceCopy('editing-debounce');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);

    await swapRcaTimestamps(editor);
    // Half the debounce later the (PM102) lint of that edit has not run yet...
    await expectNoDiagnosticsChange(uri, 1_000, 'the debounce window of the edit is not over');
    // ...and it never will: the next edit replaces it. This one swaps back, so nothing changes.
    await swapRcaTimestamps(editor);
    await expectNoDiagnosticsChange(uri, 3_000, 'the second edit restored the text within the debounce window');
    assert.deepEqual(summarize(ourDiagnostics(uri)), REFERENCE_DIAGNOSTICS);
  });

  it('with postmortem.lint.run = onSave, edits are linted only when saved', async () => {
    await setSetting('lint.run', 'onSave');
    const editor = await openReferenceCopy('editing-on-save');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    // Opening still lints.
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);

    const quiet = expectNoDiagnosticsChange(uri, QUIET_WINDOW_MS, 'lint.run is onSave and the document was not saved');
    await swapRcaTimestamps(editor);
    await quiet;
    assert.deepEqual(summarize(ourDiagnostics(uri)), REFERENCE_DIAGNOSTICS);

    assert.ok(await editor.document.save(), 'the document was not saved');
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'PM102'), 'PM102 after saving');
  });
});
