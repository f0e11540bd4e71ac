import * as vscode from 'vscode';
import { loadCore, type Core } from '../coreLoader';
import type { LintController } from '../lintController';
import type { ProposedContent } from './proposedContent';
import { readActionItemSettings, scaffoldOptions } from './settings';

export const SCAFFOLD_COMMAND = 'postmortem.scaffoldActionItems';

/** What the command did; returned to callers (keybindings, other extensions, the tests). */
export interface ScaffoldOutcome {
  added: number;
  updated: number;
  applied: boolean;
  changes: string[];
}

/** Options for callers that cannot answer a dialog: `confirm` answers the one about changing existing rows. */
export interface ScaffoldCommandOptions {
  confirm?: boolean;
}

/**
 * "Post-Mortem: Scaffold Action Items": creates or updates the action items table of the active
 * post-mortem (or of `uri`) from its lessons, gates and findings, as one edit (one undo step),
 * on the text as it is in the editor (saved or not). When existing rows would change, the change
 * is shown as a diff first and applied only once confirmed.
 */
export async function scaffoldActionItems(
  controller: LintController,
  proposed: ProposedContent,
  uri?: unknown,
  options?: ScaffoldCommandOptions,
): Promise<ScaffoldOutcome | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Scaffold Action Items works on a Markdown post-mortem: open one first.');
    return undefined;
  }
  const core = loadCore();
  const version = document.version;
  const text = document.getText();
  const model = controller.currentResult(document)?.model ?? core.modelOfText(text);
  const result = core.scaffoldActionItems(text, model, scaffoldOptions(readActionItemSettings(document)));
  const outcome: ScaffoldOutcome = { added: result.added, updated: result.updated, applied: false, changes: result.changes };
  if (result.problem) {
    void vscode.window.showWarningMessage(`Scaffold Action Items: ${result.problem}`);
    return outcome;
  }
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(
      model.lessons.length === 0 && model.findings.length === 0 && model.gateBlocks.length === 0
        ? 'No lessons learned, findings or deployment gates to turn into action items.'
        : 'The action items are up to date: every lesson, gate and finding has its row.',
    );
    return outcome;
  }

  if (result.updated > 0) {
    const confirmed = await confirmChanges(document, proposed, result, options?.confirm);
    if (!confirmed) return outcome;
    if (document.version !== version) {
      void vscode.window.showWarningMessage('The document changed while the action items were shown; run Scaffold Action Items again.');
      return outcome;
    }
  }

  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(document.uri, toRange(e.range), e.newText);
  outcome.applied = await vscode.workspace.applyEdit(edit);
  if (outcome.applied) {
    const parts = [`${result.added} action item${result.added === 1 ? '' : 's'} added`];
    if (result.updated > 0) parts.push(`${result.updated} updated`);
    void vscode.window.showInformationMessage(`${parts.join(', ')}. Give each open item an owner and a ticket.`);
  }
  return outcome;
}

/** Shows the current text against the proposed one, then asks (a modal dialog) whether to apply it. */
async function confirmChanges(document: vscode.TextDocument, proposed: ProposedContent, result: Core.ScaffoldResult, confirm: boolean | undefined): Promise<boolean> {
  const proposedUri = proposed.add(document.uri, result.text);
  const name = document.uri.path.split('/').pop();
  try {
    await vscode.commands.executeCommand('vscode.diff', document.uri, proposedUri, `${name} ↔ Scaffolded Action Items`, { preview: true });
    if (confirm !== undefined) return confirm;
    const shown = result.changes.slice(0, 8).join('\n') + (result.changes.length > 8 ? `\n… and ${result.changes.length - 8} more` : '');
    const choice = await vscode.window.showWarningMessage(
      `Scaffold Action Items will change ${result.updated} existing row${result.updated === 1 ? '' : 's'}${result.added > 0 ? ` and add ${result.added}` : ''}.`,
      { modal: true, detail: `${shown}\n\nThe diff editor shows every change. Nothing you wrote in a cell is overwritten: only placeholders and the scaffold's own defaults.` },
      'Apply',
    );
    return choice === 'Apply';
  } finally {
    await closeDiff(proposedUri);
    proposed.delete(proposedUri);
  }
}

async function closeDiff(proposedUri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === proposedUri.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

function toRange(range: Core.Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
