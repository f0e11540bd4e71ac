import * as vscode from 'vscode';
import type { DiagramTarget, ExportFormat } from '../../shared/previewProtocol';
import type { TimelinePreviewManager } from './timelinePreview';

/** The export commands: the generated timeline, or a Mermaid diagram, as SVG or PNG. */
export const EXPORT_COMMANDS = {
  timelineSvg: 'postmortem.exportTimelineSvg',
  timelinePng: 'postmortem.exportTimelinePng',
  diagramSvg: 'postmortem.exportDiagramSvg',
  diagramPng: 'postmortem.exportDiagramPng',
} as const;

/**
 * Exports a diagram of the preview (opened first if needed) to a file: `destination` (a Uri or
 * a path; the tests pass one), else where the user says in a save dialog. A Mermaid diagram is
 * picked by index, or from a list when the document has several. Returns the file written.
 */
export async function exportDiagram(
  manager: TimelinePreviewManager,
  target: DiagramTarget | undefined,
  format: ExportFormat,
  destination?: unknown,
): Promise<vscode.Uri | undefined> {
  const preview = manager.current ?? (await manager.open());
  if (!preview) return undefined;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === preview.uri.toString());
  if (!document) {
    void vscode.window.showInformationMessage('The previewed document is closed: open it to export its diagrams.');
    return undefined;
  }
  const report = await preview.whenRendered(document.version);
  let chosen = target;
  if (chosen === undefined) {
    const blocks = report.diagrams.filter((d) => d.target !== 'timeline');
    if (blocks.length === 0) {
      void vscode.window.showInformationMessage('This post-mortem has no ```mermaid block to export.');
      return undefined;
    }
    if (blocks.length === 1) chosen = blocks[0].target;
    else {
      const picked = await vscode.window.showQuickPick(
        blocks.map((d) => ({ label: `Mermaid diagram ${Number(d.target) + 1}`, description: d.error ? 'has a syntax error' : undefined, target: d.target })),
        { title: `Export a Mermaid diagram as ${format.toUpperCase()}` },
      );
      if (!picked) return undefined;
      chosen = picked.target;
    }
  }
  const what = chosen === 'timeline' ? 'timeline' : `diagram-${chosen + 1}`;
  let uri = toUri(destination);
  if (!uri) {
    uri = await vscode.window.showSaveDialog({
      defaultUri: defaultLocation(document.uri, what, format),
      filters: { [format.toUpperCase()]: [format] },
      saveLabel: 'Export',
      title: `Export the ${chosen === 'timeline' ? 'generated timeline' : `Mermaid diagram ${chosen + 1}`} as ${format.toUpperCase()}`,
    });
    if (!uri) return undefined;
  }
  try {
    const data = await preview.exportData(chosen, format);
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data, 'base64');
    await vscode.workspace.fs.writeFile(uri, bytes);
  } catch (error) {
    void vscode.window.showErrorMessage(`Post-Mortem Kit could not export the ${what}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (!destination) void vscode.window.showInformationMessage(`Exported the ${what} to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}

function toUri(destination: unknown): vscode.Uri | undefined {
  if (destination instanceof vscode.Uri) return destination;
  if (typeof destination === 'string' && destination) return destination.includes('://') ? vscode.Uri.parse(destination) : vscode.Uri.file(destination);
  return undefined;
}

/** `<document>-timeline.svg` beside the document (in the workspace folder for an untitled one). */
function defaultLocation(documentUri: vscode.Uri, what: string, format: ExportFormat): vscode.Uri | undefined {
  const name = documentUri.path.slice(documentUri.path.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '') || 'postmortem';
  const file = `${name}-${what}.${format}`;
  if (documentUri.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder && vscode.Uri.joinPath(folder, file);
  }
  return vscode.Uri.joinPath(documentUri, '..', file);
}
