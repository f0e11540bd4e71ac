import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** The folders the preview may load from: the built webview bundle and its stylesheet, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Options of the preview's webview (also set again on a panel restored after a reload). */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: localResourceRoots(extensionUri) };
}

/**
 * Options of the preview's panel. The page is kept while the panel is hidden behind another tab:
 * redrawing every Mermaid diagram each time the tab comes back would be slow and blank for a
 * while, and VS Code 1.100's web host can leave later webviews blank once a webview page has
 * been unloaded and loaded again (see READY_TIMEOUT_MS).
 */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { ...webviewOptions(extensionUri), enableFindWidget: true, retainContextWhenHidden: true };
}

/** A fresh random nonce per page load (base64 of 16 random bytes). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content Security Policy of the preview: nothing by default; scripts only with this page's
 * nonce, or from the extension's own folder (the Mermaid chunks the page imports); styles, fonts
 * and images only from there (plus blob:/data: images, for drawing a PNG export on a canvas); no
 * connections, frames or inline styles. Mermaid's styles are applied through CSSOM (see
 * src/webview/mermaidRenderer.ts), which a CSP does not govern.
 */
export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  const source = webview.cspSource;
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${source}`,
    `style-src ${source}`,
    `img-src ${source} blob: data:`,
    `font-src ${source}`,
  ].join('; ');
}

/**
 * Mermaid's chunks a first render of these diagram types needs: its diagram module and, for
 * flowcharts, the ELK layout that Mermaid 12 uses by default. Types not listed load on demand.
 */
const CHUNKS_BY_TYPE: Record<string, string[]> = {
  graph: ['flowDiagram', 'elk'],
  flowchart: ['flowDiagram', 'elk'],
  'flowchart-elk': ['flowDiagram', 'elk'],
  sequenceDiagram: ['sequenceDiagram'],
  gantt: ['ganttDiagram'],
  pie: ['pieDiagram'],
  erDiagram: ['erDiagram'],
  journey: ['journeyDiagram'],
  gitGraph: ['gitGraphDiagram'],
};

interface PreloadManifest {
  mermaid: string[];
  chunks: Record<string, string[]>;
}

/**
 * The Mermaid chunks a first render of `diagramTypes` will import, from dist/webview/preload.json
 * (written by the build): Mermaid's core, each diagram type's module, its layout. `entries` are
 * the chunks themselves, which the page imports all at once as soon as it has asked for the
 * document (instead of one after the other as Mermaid reaches each dynamic import); `files` adds
 * their static imports, which the page's head lists as module preloads so that the browser
 * fetches and compiles them while the page's own script is still loading. Nothing when the
 * document has no Mermaid block (the page then loads no Mermaid at all).
 */
export function warmChunks(extensionUri: vscode.Uri, diagramTypes: readonly string[]): { entries: string[]; files: string[] } {
  if (diagramTypes.length === 0) return { entries: [], files: [] };
  let manifest: PreloadManifest;
  try {
    manifest = JSON.parse(readFileSync(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'preload.json').fsPath, 'utf8')) as PreloadManifest;
  } catch {
    return { entries: [], files: [] };
  }
  // The first file of each list is the chunk itself; the others are its static imports.
  const lists = [manifest.mermaid];
  for (const type of diagramTypes) for (const chunk of CHUNKS_BY_TYPE[type] ?? []) if (manifest.chunks[chunk]) lists.push(manifest.chunks[chunk]);
  const entries = new Set<string>(lists.map((list) => list[0]).filter(Boolean));
  const files = new Set<string>(lists.flat());
  return { entries: [...entries], files: [...files] };
}

/**
 * The page's own script (dist/webview/webview.js), to be written into the page: a webview loads
 * each of its resources through VS Code (in a browser, through a service worker and the
 * workbench), which made the page's script start 300 ms after its HTML arrived. Inline, and built
 * with no static import (scripts/build.mjs checks), it runs as soon as the HTML and the stylesheet
 * are in; Mermaid (dist/webview/mermaid.js and its chunks) still loads from the extension. `<`
 * sequences that would end the script element or open an HTML comment are escaped (they can only
 * occur inside the bundle's strings, regular expressions and comments, where the escape means
 * the same). Undefined when the file cannot be read: the page then loads it by URL.
 */
function inlineWebviewScript(extensionUri: vscode.Uri): string | undefined {
  try {
    const text = readFileSync(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'webview.js').fsPath, 'utf8');
    return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  } catch {
    return undefined;
  }
}

/**
 * The page: the CSP, the stylesheet, the bundle as an ES module with the nonce (inline, with a
 * base URL so that its imports resolve to the extension's dist/webview folder), and (when the
 * document has Mermaid blocks) module preloads of the Mermaid chunks its first render needs and
 * the list of them to import early (data-chunks).
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, diagramTypes: readonly string[] = []): string {
  const nonce = makeNonce();
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const chunks = warmChunks(extensionUri, diagramTypes);
  const data = diagramTypes.length ? ` data-mermaid="1" data-chunks="${escapeAttribute(JSON.stringify(chunks.entries))}"` : '';
  const preloads = chunks.files.map((file) => `\n<link rel="modulepreload" nonce="${nonce}" href="${escapeAttribute(asset('dist', 'webview', ...file.split('/')))}">`).join('');
  const inline = inlineWebviewScript(extensionUri);
  const script = inline !== undefined
    ? `<script type="module" nonce="${nonce}">${inline}</script>`
    : `<script type="module" nonce="${nonce}" src="${asset('dist', 'webview', 'webview.js')}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<base href="${escapeAttribute(asset('dist', 'webview'))}/">
<link rel="stylesheet" href="${asset('media', 'preview.css')}">
${script}${preloads}
<title>Timeline Preview</title>
</head>
<body${data}>
<main id="app"></main>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
