import * as vscode from 'vscode';
import { loadCore, type Core } from './coreLoader';
import { describesFinding, ruleIdOf, toRange } from './diagnostics';
import type { LintController } from './lintController';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postmortem');
export const SHOW_RULE_DOCS_COMMAND = 'postmortem.showRuleDocs';

/** Quick fixes from the rules' certain fixes, a link to each rule's docs, and fix-all. */
export class PostmortemCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly controller: LintController) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.controller.currentResult(document);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.intersects(FIX_ALL_KIND)) {
      const fixAll = fixAllAction(document, result.findings);
      if (fixAll) actions.push(fixAll);
    }
    if (!context.only || context.only.intersects(vscode.CodeActionKind.QuickFix)) {
      actions.push(...quickFixes(document, result.findings, context.diagnostics));
    }
    return actions;
  }
}

function quickFixes(document: vscode.TextDocument, findings: readonly Core.Finding[], diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const fixes: vscode.CodeAction[] = [];
  const docs: vscode.CodeAction[] = [];
  const documented = new Set<string>();
  for (const diagnostic of diagnostics) {
    const ruleId = ruleIdOf(diagnostic);
    if (!ruleId) continue;
    // The diagnostics come back as copies: find the finding by rule, range and message.
    const finding = findings.find((f) => describesFinding(diagnostic, f));
    if (finding?.fix) {
      const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const edit of finding.fix.edits) action.edit.replace(document.uri, toRange(edit.range), edit.newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      fixes.push(action);
    }
    if (!documented.has(ruleId)) {
      documented.add(ruleId);
      const action = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      action.command = { command: SHOW_RULE_DOCS_COMMAND, title: action.title, arguments: [ruleId] };
      action.diagnostics = [diagnostic];
      docs.push(action);
    }
  }
  return [...fixes, ...docs];
}

/** One edit applying every certain fix that does not overlap another (the next lint finds the rest). */
export function fixAllEdit(document: vscode.TextDocument, findings: readonly Core.Finding[]): vscode.WorkspaceEdit | undefined {
  const edits = loadCore().collectFixEdits(findings);
  if (edits.length === 0) return undefined;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(document.uri, edits.map((edit) => vscode.TextEdit.replace(toRange(edit.range), edit.newText)));
  return workspaceEdit;
}

function fixAllAction(document: vscode.TextDocument, findings: readonly Core.Finding[]): vscode.CodeAction | undefined {
  const edit = fixAllEdit(document, findings);
  if (!edit) return undefined;
  const action = new vscode.CodeAction('Fix all auto-fixable post-mortem problems', FIX_ALL_KIND);
  action.edit = edit;
  return action;
}
