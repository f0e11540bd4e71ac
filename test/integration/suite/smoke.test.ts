import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'postmortem-kit.postmortem-kit';

/** Polls `condition` until it holds, failing with `what` after `timeoutMs`. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('smoke', () => {
  it('activates when a post-mortem Markdown document is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);

    const [uri] = await vscode.workspace.findFiles('**/incident-anatomy-evcache.md', undefined, 1);
    assert.ok(uri, 'incident-anatomy-evcache.md is not in the test workspace');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');

    await waitFor(() => extension.isActive, 'the extension to activate');
  });

  it('registers postmortem.lintDocument', async () => {
    // Activation itself is the test above; this one must also pass when run alone (--grep).
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('postmortem.lintDocument'), 'command postmortem.lintDocument is not registered');
  });
});
