import * as vscode from 'vscode';

export const PROPOSED_SCHEME = 'postmortem-proposed';

/**
 * Read-only documents holding the text a command proposes, shown against the real document with
 * `vscode.diff` before the change is applied. Each proposal gets its own URI.
 */
export class ProposedContent implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private counter = 0;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, this);

  /** A URI whose document holds `text`, named after `original` (same file name, so the same language). */
  add(original: vscode.Uri, text: string): vscode.Uri {
    const name = original.path.split('/').pop() || 'document.md';
    const uri = vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: `/${name}`, query: String(++this.counter) });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}
