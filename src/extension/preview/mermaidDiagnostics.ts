import * as vscode from 'vscode';
import type { MermaidSyntaxError } from '../../shared/previewProtocol';
import { SOURCE } from '../diagnostics';

/** The preview's own diagnostic: Mermaid syntax errors, found by mermaid.parse in the webview. */
export const MERMAID_SYNTAX = { id: 'PM701', name: 'mermaid-syntax', docs: 'docs/rules/mermaid-syntax.md' } as const;

/**
 * Mermaid syntax errors of the document the preview shows, in the Problems panel. Kept apart from
 * the lint diagnostics (another collection): they come from the webview, later than the lint,
 * and only while the preview shows the document.
 */
export class MermaidDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('postmortem-mermaid');
  private readonly published = new Map<string, string>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Publishes `errors` for `document` (replacing the previous ones), unless they are the same. */
  set(document: vscode.TextDocument, errors: readonly MermaidSyntaxError[]): void {
    const key = JSON.stringify(errors);
    if (this.published.get(document.uri.toString()) === key) return;
    this.published.set(document.uri.toString(), key);
    const target = vscode.Uri.joinPath(this.extensionUri, MERMAID_SYNTAX.docs);
    this.collection.set(document.uri, errors.map((error) => {
      const line = Math.min(Math.max(0, error.line), document.lineCount - 1);
      const text = document.lineAt(line);
      const range = new vscode.Range(line, text.firstNonWhitespaceCharacterIndex, line, text.range.end.character);
      const where = error.blockLine !== undefined ? ` (line ${error.blockLine} of Mermaid diagram ${error.block + 1})` : ` (Mermaid diagram ${error.block + 1})`;
      const diagnostic = new vscode.Diagnostic(range, `Mermaid syntax error${where}: ${error.message}`, vscode.DiagnosticSeverity.Error);
      diagnostic.source = SOURCE;
      diagnostic.code = { value: MERMAID_SYNTAX.id, target };
      return diagnostic;
    }));
  }

  clear(uri: vscode.Uri): void {
    this.published.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
