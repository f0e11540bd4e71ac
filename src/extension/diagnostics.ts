import * as vscode from 'vscode';
import type { Core } from './coreLoader';

export const SOURCE = 'Post-Mortem Kit';

const SEVERITIES: Record<Core.Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(range: Core.Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Diagnostics the extension publishes itself, not from a rule of the core: their docs pages. */
const EXTENSION_DIAGNOSTIC_DOCS: Record<string, string> = {
  // The timeline preview's Mermaid syntax check (src/extension/preview/mermaidDiagnostics.ts).
  PM701: 'docs/rules/mermaid-syntax.md',
  'mermaid-syntax': 'docs/rules/mermaid-syntax.md',
};

/** The rule's page in the docs shipped with the extension. */
export function ruleDocsUri(core: typeof Core, extensionUri: vscode.Uri, ruleIdOrName: string): vscode.Uri | undefined {
  const rule = core.findRule(ruleIdOrName);
  if (rule) return vscode.Uri.joinPath(extensionUri, core.docsPath(rule));
  const page = EXTENSION_DIAGNOSTIC_DOCS[ruleIdOrName] ?? EXTENSION_DIAGNOSTIC_DOCS[ruleIdOrName.toUpperCase()];
  return page ? vscode.Uri.joinPath(extensionUri, page) : undefined;
}

export function toDiagnostic(core: typeof Core, extensionUri: vscode.Uri, document: vscode.TextDocument, finding: Core.Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = SOURCE;
  const target = ruleDocsUri(core, extensionUri, finding.ruleId);
  // With a target the id becomes a link to the rule's page in the hover and the Problems panel.
  diagnostic.code = target ? { value: finding.ruleId, target } : finding.ruleId;
  if (finding.related) {
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(related.range)), related.message),
    );
  }
  return diagnostic;
}

/** The rule id of one of our diagnostics. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object') return String(code.value);
  return undefined;
}

/** True when `diagnostic` is the one published for `finding` (the editor hands back copies). */
export function describesFinding(diagnostic: vscode.Diagnostic, finding: Core.Finding): boolean {
  return ruleIdOf(diagnostic) === finding.ruleId && diagnostic.range.isEqual(toRange(finding.range)) && diagnostic.message === finding.message;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Core.Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
