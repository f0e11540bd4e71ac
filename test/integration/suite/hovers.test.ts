import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { REFERENCE, activateExtension, show, waitForDiagnostics, workspaceUri } from './helpers';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('hovers', () => {
  const reference = () => workspaceUri(REFERENCE);

  before(async () => {
    await activateExtension();
    await show(reference());
    await waitForDiagnostics(reference(), (d) => d.length > 0, 'the reference to be linted');
  });

  it('a timeline timestamp shows its offset from the incident start and its phase', async () => {
    // Line 38: `Rollback[14:38:00<br/>…`, in the Mitigation subgraph.
    const text = await hoverText(reference(), new vscode.Position(37, 20));
    assert.match(text, /T\+15 min after the start \(14:23:00 UTC\)/);
    assert.match(text, /Phase: Mitigation \(T\+15min: Mitigation Phase\)/);
  });

  it('a metric cell shows the parsed quantity', async () => {
    // Line 147: `| Cache Hit Rate | 95% | 12% | >90% |`; the cursor is on `>90%`.
    const document = await vscode.workspace.openTextDocument(reference());
    const column = document.lineAt(146).text.indexOf('>90%');
    const text = await hoverText(reference(), new vscode.Position(146, column + 1));
    assert.match(text, /Cache Hit Rate/);
    assert.match(text, /Value: above 0\.9 \(as a fraction\)/);
    assert.match(text, /Dimension: ratio/);
    assert.match(text, /Unit: `%`/);
    assert.match(text, /Comparator: `>`/);
  });

  it('shows nothing on ordinary text', async () => {
    assert.equal(await hoverText(reference(), new vscode.Position(0, 3)), '');
  });
});
