import * as vscode from 'vscode';
import { PostmortemCodeActions } from './codeActions';
import { fixAll, lintDocument } from './commands/documentCommands';
import { newPostmortem } from './commands/newPostmortem';
import { showRuleDocs } from './commands/showRuleDocs';
import { coreLoadMs, isCoreLoaded } from './coreLoader';
import { PostmortemHovers } from './hovers';
import { LintController } from './lintController';
import { PostmortemStatusBar } from './statusBar';
import { registerTimelinePreview } from './preview';
import { registerActionItems } from './actionItems';
import { testHooksEnabled } from './testHooks';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/**
 * Entry point: wiring only. This bundle stays small (no Markdown or YAML parser): the core is
 * loaded by coreLoader.ts the first time a post-mortem is open.
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Post-Mortem Kit', { log: true });
  const controller = new LintController(context.extensionUri, log);
  const statusBar = new PostmortemStatusBar(controller);
  const { extensionUri } = context;

  context.subscriptions.push(
    log,
    controller,
    statusBar,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new PostmortemCodeActions(controller), PostmortemCodeActions.metadata),
    vscode.languages.registerHoverProvider(MARKDOWN, new PostmortemHovers(controller)),
    vscode.commands.registerCommand('postmortem.lintDocument', (uri?: unknown) => lintDocument(controller, uri)),
    vscode.commands.registerCommand('postmortem.fixAll', (uri?: unknown) => fixAll(controller, uri)),
    vscode.commands.registerCommand('postmortem.newPostmortem', (title?: unknown) => newPostmortem(extensionUri, title)),
    vscode.commands.registerCommand('postmortem.showRuleDocs', (rule?: unknown) => showRuleDocs(extensionUri, rule)),
    vscode.commands.registerCommand('postmortem.showLog', () => log.show()),
  );

  if (testHooksEnabled()) {
    context.subscriptions.push(
      vscode.commands.registerCommand('postmortem.test.statusText', () => statusBar.text),
      vscode.commands.registerCommand('postmortem.test.lintTimes', () => controller.recentLintMs.splice(0)),
      vscode.commands.registerCommand('postmortem.test.lintResult', async (uri: vscode.Uri) => {
        const result = controller.currentResult(await vscode.workspace.openTextDocument(uri));
        return result && result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.range.start.line }));
      }),
    );
  }

  context.subscriptions.push(...registerActionItems(controller));

  context.subscriptions.push(...registerTimelinePreview(extensionUri, controller, log));

  // The documents already open are linted after activation returns, not during it.
  const timer = setTimeout(() => controller.start(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });

  const elapsed = performance.now() - started;
  log.info(`Activated in ${elapsed.toFixed(1)} ms (core ${isCoreLoaded() ? 'already loaded' : 'not loaded yet'}).`);
  const firstLint = controller.onDidPublish(() => {
    firstLint.dispose();
    log.info(`First post-mortem linted; loading the core took ${coreLoadMs()?.toFixed(1) ?? '?'} ms.`);
  });
  context.subscriptions.push(firstLint);
}

export function deactivate(): void {}
