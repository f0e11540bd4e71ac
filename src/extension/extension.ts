import * as vscode from 'vscode';

/** Entry point: wiring only. Features live in their own modules. */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.lintDocument', () => undefined),
  );
}

export function deactivate(): void {}
