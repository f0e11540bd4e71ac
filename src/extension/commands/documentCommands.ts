import * as vscode from 'vscode';
import { fixAllEdit } from '../codeActions';
import type { LintController } from '../lintController';

function targetDocument(uri: unknown): Thenable<vscode.TextDocument> | vscode.TextDocument | undefined {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

/**
 * "Post-Mortem: Lint This Document": lints a Markdown document even when it does not look like a
 * post-mortem, and keeps linting it while it stays open. Returns the number of problems.
 */
export async function lintDocument(controller: LintController, uri?: unknown): Promise<number | undefined> {
  const document = await targetDocument(uri);
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Post-Mortem Kit lints Markdown documents: open one first.');
    return undefined;
  }
  const published = controller.lintOnRequest(document);
  return published?.findings.length;
}

/** "Post-Mortem: Fix All Auto-Fixable Problems" in the active post-mortem. Returns how many edits were applied. */
export async function fixAll(controller: LintController, uri?: unknown): Promise<number> {
  const document = await targetDocument(uri);
  const result = document && controller.currentResult(document);
  if (!document || !result) {
    void vscode.window.showInformationMessage('The active document is not a post-mortem: run "Post-Mortem: Lint This Document" first.');
    return 0;
  }
  const edit = fixAllEdit(document, result.findings);
  if (!edit) return 0;
  const count = edit.get(document.uri).length;
  return (await vscode.workspace.applyEdit(edit)) ? count : 0;
}
