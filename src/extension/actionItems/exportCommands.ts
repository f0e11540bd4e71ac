import * as vscode from 'vscode';
import { loadCore } from '../coreLoader';
import type { LintController } from '../lintController';

export type ExportFormat = 'csv' | 'checklist';

/**
 * "Post-Mortem: Export Action Items as CSV" / "... as Markdown Checklist": the action items table
 * of the active post-mortem (or of `source`), written to `target` when given. Without a target,
 * CSV asks where to save it and the checklist opens as a new untitled document. Returns where the
 * export went.
 */
export async function exportActionItems(controller: LintController, format: ExportFormat, target?: unknown, source?: unknown): Promise<vscode.Uri | undefined> {
  const document = source instanceof vscode.Uri ? await vscode.workspace.openTextDocument(source) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open the post-mortem whose action items to export first.');
    return undefined;
  }
  const core = loadCore();
  const model = controller.currentResult(document)?.model ?? core.modelOfText(document.getText());
  if (!model.actionItems.table) {
    void vscode.window.showWarningMessage('This document has no action items table: run "Post-Mortem: Scaffold Action Items" first.');
    return undefined;
  }
  const count = model.actionItems.items.length;
  const content = format === 'csv' ? core.actionItemsToCsv(model.actionItems) : core.actionItemsToChecklist(model.actionItems);

  let uri = target instanceof vscode.Uri ? target : undefined;
  if (!uri && format === 'checklist') {
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(untitled, { preview: false });
    return untitled.uri;
  }
  if (!uri) {
    const base = document.uri.path.replace(/\.[^/.]*$/, '');
    uri = await vscode.window.showSaveDialog({
      title: 'Export Action Items as CSV',
      defaultUri: document.uri.scheme === 'untitled' ? undefined : document.uri.with({ path: `${base}-action-items.csv` }),
      filters: { CSV: ['csv'] },
    });
    if (!uri) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(`Exported ${count} action item${count === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}
