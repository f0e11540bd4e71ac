import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from '../index';
import { REFERENCE, REFERENCE_DIAGNOSTICS, activateExtension, eventually, show, waitForSummary, workspaceUri } from './helpers';

function statusText(): Thenable<string | undefined> {
  return vscode.commands.executeCommand<string | undefined>('postmortem.test.statusText');
}

describe('status bar', () => {
  before(activateExtension);

  it('shows the error and warning counts and the derived times of the active post-mortem', async () => {
    const reference = workspaceUri(REFERENCE);
    await show(reference);
    await waitForSummary(reference, REFERENCE_DIAGNOSTICS);
    const expected = '$(error) 1 $(warning) 1 · TTD 45s · TTM 15m · TTR 42m';
    assert.equal(await eventually(statusText, (t) => t === expected, 'the status bar text'), expected);
    await screenshot('status-bar');
  });

  it('is hidden while a document that is not a post-mortem is active', async () => {
    await show(workspaceUri('README.md'));
    assert.equal(await eventually(statusText, (t) => t === undefined, 'the status bar to hide'), undefined);
  });
});
