import * as vscode from 'vscode';
import { loadCore } from '../coreLoader';
import { ruleDocsUri } from '../diagnostics';

/** "Post-Mortem: Show Rule Documentation": the rule's page, rendered; asks which rule when not given. */
export async function showRuleDocs(extensionUri: vscode.Uri, ruleIdOrName?: unknown): Promise<vscode.Uri | undefined> {
  const core = loadCore();
  let key = typeof ruleIdOrName === 'string' ? ruleIdOrName : undefined;
  if (!key) {
    const picked = await vscode.window.showQuickPick(
      core.allRules.map((rule) => ({ label: rule.id, description: rule.name, detail: rule.description })),
      { title: 'Post-Mortem Kit rules', placeHolder: 'Rule to show', matchOnDescription: true, matchOnDetail: true },
    );
    key = picked?.label;
  }
  if (!key) return undefined;
  const uri = ruleDocsUri(core, extensionUri, key);
  if (!uri) {
    void vscode.window.showWarningMessage(`Post-Mortem Kit has no rule "${key}".`);
    return undefined;
  }
  try {
    // Locked: an ordinary preview would follow the editor back to the post-mortem.
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
  } catch {
    // The built-in Markdown extension may be disabled: the source is readable too.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return uri;
}
