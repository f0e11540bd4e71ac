import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The folders the preview may load from: the built webview bundle and its stylesheet, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Options of the preview's webview (also set again on a panel restored after a reload). */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: localResourceRoots(extensionUri) };
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

/** The page: the CSP, the stylesheet, and the bundle as an ES module with the nonce. */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = makeNonce();
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('media', 'preview.css')}">
<title>Timeline Preview</title>
</head>
<body>
<main id="app"></main>
<script type="module" nonce="${nonce}" src="${asset('dist', 'webview', 'webview.js')}"></script>
</body>
</html>`;
}
