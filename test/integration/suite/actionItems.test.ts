import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  REFERENCE_DIAGNOSTICS, activateExtension, discard, eventually, openReferenceCopy, resetSettings, ruleId, setSetting, summarize,
  waitForDiagnostics, waitForSummary, workspaceUri,
} from './helpers';

const SCAFFOLD = 'postmortem.scaffoldActionItems';

interface ScaffoldOutcome {
  added: number;
  updated: number;
  applied: boolean;
  changes: string[];
}

function scaffold(uri: vscode.Uri, options?: { confirm?: boolean }): Thenable<ScaffoldOutcome | undefined> {
  return vscode.commands.executeCommand<ScaffoldOutcome | undefined>(SCAFFOLD, uri, options);
}

const rowsOf = (text: string) => text.split('\n').filter((l) => /^\| AI-\d+ \|/.test(l));

describe('action items', () => {
  const opened: vscode.Uri[] = [];

  before(async () => {
    await activateExtension();
    // Saving (code-server saves after a second by default) is not what these tests are about.
    await setSetting('autoSave', 'off', 'files');
  });
  after(() => setSetting('autoSave', undefined, 'files'));
  afterEach(async () => {
    for (const uri of opened.splice(0)) await discard(uri);
  });

  it('Scaffold Action Items inserts the table after the lessons in one edit, and one undo restores the text byte for byte', async () => {
    const editor = await openReferenceCopy('action-items-scaffold');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
    const before = editor.document.getText();
    const lines = before.split('\n');
    const findings = lines.indexOf('## Post-Mortem Findings');
    const versionBefore = editor.document.version;

    const outcome = await scaffold(uri);
    assert.deepEqual(outcome, { added: 10, updated: 0, applied: true, changes: [] });
    assert.equal(editor.document.version, versionBefore + 1, 'one edit');
    const after = editor.document.getText();
    const afterLines = after.split('\n');
    assert.equal(afterLines[findings], '## Action Items');
    assert.equal(afterLines[findings + 2], '| ID | Action | Type | Priority | Owner | Due | Status | Ticket | Source |');
    const rows = rowsOf(after);
    assert.equal(rows.length, 10);
    assert.equal(rows.filter((r) => r.includes('| Done |')).length, 4);
    assert.equal(rows.filter((r) => r.includes('| Open |')).length, 6);
    assert.equal(rows[0], '| AI-1 | Protocol Compatibility Check: Added to deployment pipeline | prevent | P1 | TBD | 2024-01-07 | Done | TBD | [Protocol Compatibility Check](#immediate-actions-completed) |');
    assert.match(rows[8], /^\| AI-9 \| Enforce the `regional_progressive_rollout` deployment gate \|/);
    assert.match(rows[9], /^\| AI-10 \| Initial diagnosis focused on wrong component \(Kafka\) \|/);
    // Nothing else changed: the document is the old one with the section inserted.
    const inserted = afterLines.slice(findings, findings + 15);
    assert.equal([...afterLines.slice(0, findings), ...afterLines.slice(findings + 15)].join('\n'), before);
    assert.equal(inserted[14], '');

    // The lint sees the table: placeholders are warnings, nothing new is an error.
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'PM601'), 'PM601 on the placeholders');
    assert.equal(diagnostics.filter((d) => ruleId(d) === 'PM601').length, 12);
    assert.deepEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(ruleId), ['PM401']);

    // One undo takes it all back.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
  });

  it('works on the unsaved text, and running it again adds nothing', async () => {
    const editor = await openReferenceCopy('action-items-unsaved');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
    // A lesson typed but not saved.
    const line = editor.document.getText().split('\n').indexOf('4. **Regional Isolation**: Prevent cross-region gossip storms');
    assert.ok(line > 0);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(line + 1, 0), '5. **Consumer Lag Alerts**: Alert on Kafka consumer lag above 5 minutes\n')));
    assert.ok(editor.document.isDirty);

    assert.equal((await scaffold(uri))?.added, 11);
    const once = editor.document.getText();
    assert.match(once, /^\| AI-9 \| Consumer Lag Alerts: Alert on Kafka consumer lag above 5 minutes \| detect \| P1 \| TBD \| 2024-01-07 \| Open \| TBD \| \[Consumer Lag Alerts\]\(#long-term-improvements\) \|$/m);
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(await scaffold(uri), { added: 0, updated: 0, applied: false, changes: [] });
      assert.equal(editor.document.getText(), once);
    }
  });

  it('asks before it changes existing rows, and changes nothing when the answer is no', async () => {
    const editor = await openReferenceCopy('action-items-update');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await scaffold(uri);
    // The long-term improvements are done now: their rows' status Open would become Done.
    const heading = editor.document.getText().split('\n').indexOf('### Long-term Improvements');
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(heading, '### Long-term Improvements'.length), ' (Completed)')));
    const before = editor.document.getText();

    const declined = await scaffold(uri, { confirm: false });
    assert.equal(declined?.applied, false);
    assert.equal(declined?.updated, 4);
    assert.ok(declined?.changes.includes('AI-5: Status Open → Done'), JSON.stringify(declined?.changes));
    assert.equal(editor.document.getText(), before);
    // The diff shown for the question is closed again.
    const diffs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff);
    assert.deepEqual(diffs.map((t) => t.label), []);

    const accepted = await scaffold(uri, { confirm: true });
    assert.equal(accepted?.applied, true);
    assert.equal(rowsOf(editor.document.getText()).filter((r) => r.includes('| Done |')).length, 8);
  });

  it('exports the action items as CSV and as a Markdown checklist', async () => {
    const editor = await openReferenceCopy('action-items-export');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await scaffold(uri);
    const csvUri = workspaceUri('postmortems/action-items-export.csv');
    const checklistUri = workspaceUri('postmortems/action-items-export-checklist.md');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('postmortem.exportActionItemsCsv', csvUri, uri);
      assert.equal(written?.toString(), csvUri.toString());
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(csvUri)).split('\r\n');
      assert.equal(csv[0], 'ID,Action,Type,Priority,Owner,Due,Status,Ticket,Source');
      assert.equal(csv[4], 'AI-4,Rollback Automation: Reduced rollback time from 15min to 5min,mitigate,P1,,2024-01-07,Done,,Rollback Automation (#immediate-actions-completed)');
      assert.equal(csv.length, 12);

      await vscode.commands.executeCommand('postmortem.exportActionItemsChecklist', checklistUri, uri);
      const checklist = new TextDecoder().decode(await vscode.workspace.fs.readFile(checklistUri)).split('\n');
      assert.equal(checklist[0], '- [x] **AI-1** Protocol Compatibility Check: Added to deployment pipeline (due 2024-01-07, prevent, P1)');
      assert.equal(checklist.filter((l) => l.startsWith('- [ ] ')).length, 6);
    } finally {
      for (const file of [csvUri, checklistUri]) await vscode.workspace.fs.delete(file, { useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('follows the settings: section title, placement and due days (which PM602 then holds open items to)', async () => {
    await setSetting('actionItems.sectionTitle', 'Follow-up Work');
    await setSetting('actionItems.placement', 'end');
    // (VS Code merges an object setting into its default: give every key.)
    await setSetting('actionItems.dueDays', { 'SEV-1': 7, 'SEV-2': 30, 'SEV-3': 60, default: 30 });
    try {
      const editor = await openReferenceCopy('action-items-settings');
      opened.push(editor.document.uri);
      const uri = editor.document.uri;
      await scaffold(uri);
      const text = editor.document.getText();
      assert.match(text, /\*Classification: Internal Use - Sanitized for Atlas Documentation\*\n\n## Follow-up Work\n\n\| ID \|/);
      assert.ok(rowsOf(text).every((r) => r.includes('| 2023-12-30 |')));
      // Moving an open item past the 7 days is reported.
      const line = text.split('\n').findIndex((l) => l.startsWith('| AI-5 |'));
      const at = editor.document.lineAt(line).text.indexOf('2023-12-30');
      assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(line, at, line, at + 10), '2024-01-05')));
      const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'PM602'), 'PM602 on the late due date');
      const pm602 = diagnostics.filter((d) => ruleId(d) === 'PM602');
      assert.equal(pm602.length, 1);
      assert.match(pm602[0].message, /13 days after the incident; the service level for SEV-1 is 7 days/);
    } finally {
      await resetSettings('actionItems.sectionTitle', 'actionItems.placement', 'actionItems.dueDays');
    }
  });

  it('shows a code lens on the lessons heading that runs the scaffold', async () => {
    const editor = await openReferenceCopy('action-items-lens');
    opened.push(editor.document.uri);
    const uri = editor.document.uri;
    await waitForSummary(uri, REFERENCE_DIAGNOSTICS);
    const heading = editor.document.getText().split('\n').indexOf('## Lessons Learned & Action Items');
    const lenses = () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const [lens] = (await lenses()).filter((l) => l.command?.command === SCAFFOLD);
    assert.ok(lens, 'no scaffold code lens');
    assert.equal(lens.range.start.line, heading);
    assert.equal(lens.command?.title, '$(checklist) Scaffold action items: 10 new');
    assert.equal(String(lens.command?.arguments?.[0]), uri.toString());

    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.equal(rowsOf(editor.document.getText()).length, 10);
    await eventually(lenses, (all) => all.some((l) => l.command?.title === '$(check) Action items up to date (10)'), 'the up-to-date lens');
    // The diagnostics settle with the table in place.
    await waitForDiagnostics(uri, (d) => summarize(d).includes('PM401 error 159:24') && d.some((x) => ruleId(x) === 'PM603'), 'the lint of the scaffolded document');
  });
});
