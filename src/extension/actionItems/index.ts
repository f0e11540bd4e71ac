import * as vscode from 'vscode';
import type { LintController } from '../lintController';
import { ActionItemsCodeLens } from './codeLens';
import { exportActionItems } from './exportCommands';
import { ProposedContent } from './proposedContent';
import { SCAFFOLD_COMMAND, scaffoldActionItems } from './scaffoldCommand';

/** The action items commands and the code lens on the lessons heading. */
export function registerActionItems(controller: LintController): vscode.Disposable[] {
  const proposed = new ProposedContent();
  const codeLens = new ActionItemsCodeLens(controller);
  return [
    proposed,
    codeLens,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, codeLens),
    vscode.commands.registerCommand(SCAFFOLD_COMMAND, (uri?: unknown, options?: { confirm?: boolean }) => scaffoldActionItems(controller, proposed, uri, options)),
    vscode.commands.registerCommand('postmortem.exportActionItemsCsv', (target?: unknown, source?: unknown) => exportActionItems(controller, 'csv', target, source)),
    vscode.commands.registerCommand('postmortem.exportActionItemsChecklist', (target?: unknown, source?: unknown) => exportActionItems(controller, 'checklist', target, source)),
  ];
}
