import * as vscode from 'vscode';
import { testHooksEnabled } from '../testHooks';
import { PREVIEW_VIEW_TYPE, type DiagramTarget, type ExportFormat, type TestClickRequest } from '../../shared/previewProtocol';
import type { LintController } from '../lintController';
import { EXPORT_COMMANDS, exportDiagram } from './exportCommands';
import { panelOptions } from './html';
import { TimelinePreviewManager } from './timelinePreview';

export const OPEN_PREVIEW_COMMAND = 'postmortem.openTimelinePreview';
/** Context key: the active editor holds a post-mortem (shows the preview button in its title bar). */
const IS_POSTMORTEM = 'postmortem.isPostmortem';

/**
 * The live timeline preview: its command and button, the serializer that restores it after a
 * window reload, the export commands, and a command the integration tests and the benchmark
 * drive it with.
 */
export function registerTimelinePreview(
  extensionUri: vscode.Uri,
  controller: LintController,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const manager: TimelinePreviewManager = new TimelinePreviewManager(extensionUri, controller, log, (target, format) => exportDiagram(manager, target, format));
  const exporting = (target: DiagramTarget | undefined, format: ExportFormat) => (destination?: unknown) => exportDiagram(manager, target, format, destination);
  const diagramIndex = (index: unknown) => (typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : undefined);

  let lastContext: boolean | undefined;
  const updateContext = () => {
    const editor = vscode.window.activeTextEditor;
    const value = !!editor && controller.published(editor.document.uri) !== undefined;
    if (value === lastContext) return;
    lastContext = value;
    void vscode.commands.executeCommand('setContext', IS_POSTMORTEM, value);
  };
  updateContext();

  return [
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        await manager.revive(panel, state);
      },
    }),
    vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, async (uri?: unknown) => {
      const preview = await manager.open(uri instanceof vscode.Uri ? uri : undefined);
      return preview?.uri;
    }),
    vscode.commands.registerCommand(EXPORT_COMMANDS.timelineSvg, exporting('timeline', 'svg')),
    vscode.commands.registerCommand(EXPORT_COMMANDS.timelinePng, exporting('timeline', 'png')),
    vscode.commands.registerCommand(EXPORT_COMMANDS.diagramSvg, (index?: unknown, destination?: unknown) => exporting(diagramIndex(index), 'svg')(destination)),
    vscode.commands.registerCommand(EXPORT_COMMANDS.diagramPng, (index?: unknown, destination?: unknown) => exporting(diagramIndex(index), 'png')(destination)),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    controller.onDidPublish(updateContext),
    ...(testHooksEnabled() ? [previewTestHook(manager, extensionUri)] : []),
  ];
}

/** For the integration tests and the benchmark (see testHooks.ts). */
function previewTestHook(manager: TimelinePreviewManager, extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.test.preview', async (action: string, argument?: unknown) => {
    const preview = manager.current;
    switch (action) {
      case 'state':
        return preview && {
          uri: preview.uri.toString(), createdAt: preview.createdAt, now: performance.now(),
          visible: preview.panel.visible, viewColumn: preview.panel.viewColumn, ...preview.history(),
        };
      case 'click':
        return preview?.testClick(argument as TestClickRequest['target']);
      case 'bench-render': {
        const { text, runs } = argument as { text: string; runs: number };
        return preview?.benchRender(text, runs);
      }
      case 'revive': {
        // What the serializer does after a window reload, on a fresh panel with the saved state.
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(extensionUri));
        const revived = await manager.revive(panel, argument);
        return revived.uri.toString();
      }
      case 'hold-edits':
        if (preview) preview.holdEdits = argument === true;
        return preview?.holdEdits;
      case 'focus':
        // Puts the keyboard focus in the panel, so that group commands act on its editor group.
        preview?.panel.reveal(undefined, false);
        return preview?.panel.viewColumn;
      case 'close':
        preview?.dispose();
        return undefined;
      default:
        throw new Error(`unknown preview test action ${action}`);
    }
  });
}
