import * as vscode from 'vscode';
import { loadCore, type Core } from '../coreLoader';
import type { LintController } from '../lintController';
import { SCAFFOLD_COMMAND } from './scaffoldCommand';
import { readActionItemSettings, scaffoldOptions } from './settings';

/**
 * A code lens on the lessons learned heading: "Scaffold action items (N new)", or that they are up
 * to date. Refreshed whenever the document is linted.
 */
export class ActionItemsCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly controller: LintController) {
    this.subscriptions = [
      this.changed,
      controller.onDidPublish(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postmortem.actionItems')) this.changed.fire();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const settings = readActionItemSettings(document);
    if (!settings.codeLens) return [];
    const model = this.controller.currentResult(document)?.model;
    if (!model || model.lessons.length === 0) return [];
    const heading = lessonsHeading(model);
    if (!heading) return [];
    // The plan only: no pass over the text, cheap on every lint.
    const result = loadCore().planActionItems(model, scaffoldOptions(settings));
    let title: string;
    if (result.added === 0 && result.updated === 0) title = `$(check) Action items up to date (${result.items.length})`;
    else if (result.updated > 0) title = `$(checklist) Scaffold action items: ${result.added} new, ${result.updated} to update`;
    else title = `$(checklist) Scaffold action items: ${result.added} new`;
    const range = new vscode.Range(heading.start.line, 0, heading.start.line, 0);
    return [new vscode.CodeLens(range, { title, command: SCAFFOLD_COMMAND, arguments: [document.uri], tooltip: 'Create or update the Action Items table from the lessons learned, the deployment gates and the "what went wrong" findings' })];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The outermost lessons heading above the first lesson. */
function lessonsHeading(model: Core.PostmortemModel): Core.Range | undefined {
  const first = model.lessons[0];
  let found: (typeof model.sections)[number] | undefined;
  let level = Infinity;
  for (let i = model.sections.length - 1; i >= 0; i--) {
    const section = model.sections[i];
    if (section.range.start.line > first.range.start.line || section.level >= level) continue;
    level = section.level;
    if (section.kind === 'lessons') found = section;
  }
  return found?.range;
}
