import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, discard, lintResult } from './helpers';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe('New Post-Mortem', () => {
  const created: vscode.Uri[] = [];

  before(activateExtension);
  after(async () => {
    for (const uri of created.splice(0)) await discard(uri);
  });

  it('creates YYYY-MM-DD-<slug>.md from the template in the workspace folder, opens it, and it lints clean', async () => {
    const title = 'Database Failover Stalled: EU Checkout!';
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', title);
    assert.ok(uri, 'the command returned no document');
    created.push(uri);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    assert.equal(uri.toString(), vscode.Uri.joinPath(folder, `${today()}-database-failover-stalled-eu-checkout.md`).toString());
    await vscode.workspace.fs.stat(uri);

    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, /^---\ntype: postmortem\n---\n\n# Database Failover Stalled: EU Checkout!\n/);
    assert.match(text, new RegExp(`\\*\\*Date\\*\\*: ${today()}`));
    for (const section of ['## Incident Overview', '```mermaid', '## Key Metrics During Incident', '## Failure Cost Analysis', '## Lessons Learned', '### Prevention Measures', '## Action Items']) {
      assert.ok(text.includes(section), `the new post-mortem has no ${section}`);
    }
    assert.match(text, /^\| ID \| Action \| Type \| Priority \| Owner \| Due \| Status \| Ticket \| Source \|$/m);
    assert.doesNotMatch(text, /\{\{\w+\}\}/, 'a template placeholder was left');

    // A post-mortem (front matter) without a single problem.
    assert.deepEqual(await lintResult(uri), []);
  });

  it('numbers the file when a post-mortem of that name exists', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', 'Twice the Same');
    created.push(first);
    const second = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', 'Twice the Same');
    created.push(second);
    assert.ok(first.path.endsWith(`/${today()}-twice-the-same.md`));
    assert.ok(second.path.endsWith(`/${today()}-twice-the-same-2.md`));
  });

  it('rejects a title without letters or digits', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('postmortem.newPostmortem', ' !!! ')), /letter or digit/);
  });
});
