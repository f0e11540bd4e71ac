// Shared by the extension's integration suites: waiting on diagnostics (events, bounded), copies
// of the reference post-mortem to edit, settings that are put back afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-kit.postmortem-kit';
export const SOURCE = 'Post-Mortem Kit';
export const REFERENCE = 'postmortems/incident-anatomy-evcache.md';
/** The diagnostics of the reference document as the CLI reports them (0-based lines). */
export const REFERENCE_DIAGNOSTICS = ['PM401 error 159:24', 'PM402 warning 166:25'];

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleId(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** `PM401 error 159:24`: rule, severity and start, sorted; what the assertions compare. */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${ruleId(d)} ${SEVERITIES[d.severity]} ${d.range.start.line}:${d.range.start.character}`)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Waits until the diagnostics of `uri` satisfy `condition`: checks now, then at each
 * onDidChangeDiagnostics event for `uri`, failing after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  condition: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = ourDiagnostics(uri);
      if (!condition(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics: ${JSON.stringify(summarize(ourDiagnostics(uri)))}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export function waitForSummary(uri: vscode.Uri, expected: string[], timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => JSON.stringify(summarize(d)) === JSON.stringify(expected), `diagnostics ${JSON.stringify(expected)}`, timeoutMs);
}

/**
 * Resolves after `windowMs` if our diagnostics of `uri` stayed as they are; fails at the first
 * change. (Other extensions, the built-in Markdown one say, may publish for the same document.)
 */
export function expectNoDiagnosticsChange(uri: vscode.Uri, windowMs: number, why: string): Promise<void> {
  const before = JSON.stringify(summarize(ourDiagnostics(uri)));
  return new Promise((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const now = JSON.stringify(summarize(ourDiagnostics(uri)));
      if (now === before) return;
      clearTimeout(timer);
      subscription.dispose();
      reject(new Error(`the diagnostics changed although ${why}: ${before} became ${now}`));
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve();
    }, windowMs);
  });
}

/** Polls a value that no event announces (the status bar text), up to `timeoutMs`. */
export async function eventually<T>(get: () => Thenable<T> | T, accept: (value: T) => boolean, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (accept(value)) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** A copy of the reference post-mortem, `postmortems/<name>.md`, opened in an editor: tests edit copies only. */
export async function openReferenceCopy(name: string): Promise<vscode.TextEditor> {
  const copy = workspaceUri(`postmortems/${name}.md`);
  await vscode.workspace.fs.copy(workspaceUri(REFERENCE), copy, { overwrite: true });
  return show(copy);
}

/** Reverts and closes the editor of `uri`, then deletes the file. */
export async function discard(uri: vscode.Uri): Promise<void> {
  await show(uri);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  if (uri.scheme === 'file') await vscode.workspace.fs.delete(uri, { useTrash: false });
}

/** Replaces `search` (which must occur once on `line`) by `replacement`. */
export async function replaceOnLine(editor: vscode.TextEditor, line: number, search: string, replacement: string): Promise<void> {
  const text = editor.document.lineAt(line).text;
  const at = text.indexOf(search);
  assert.ok(at >= 0, `line ${line + 1} has no ${search}: ${text}`);
  const ok = await editor.edit((edit) => edit.replace(new vscode.Range(line, at, line, at + search.length), replacement));
  assert.ok(ok, 'the edit was not applied');
}

/** Swaps the timestamps of RCA1 (line 30, 14:30:00 in the reference) and RCA2 (line 32, 14:33:00) in one edit. */
export async function swapRcaTimestamps(editor: vscode.TextEditor): Promise<void> {
  const time = (line: number, node: string) => {
    const match = new RegExp(`${node}\\[(\\d\\d:\\d\\d:\\d\\d)`).exec(editor.document.lineAt(line).text);
    assert.ok(match, `${node} is not on line ${line + 1} as in the reference`);
    const start = match.index + node.length + 1;
    return { range: new vscode.Range(line, start, line, start + 8), text: match[1] };
  };
  const rca1 = time(29, 'RCA1');
  const rca2 = time(31, 'RCA2');
  const ok = await editor.edit((edit) => {
    edit.replace(rca1.range, rca2.text);
    edit.replace(rca2.range, rca1.text);
  });
  assert.ok(ok, 'the edit was not applied');
}

/** Sets a user setting (`postmortem.*` unless `section` says otherwise) and waits until the extension host sees it. */
export async function setSetting(key: string, value: unknown, section = 'postmortem'): Promise<void> {
  const config = () => vscode.workspace.getConfiguration(section, null);
  await config().update(key, value, vscode.ConfigurationTarget.Global);
  const expected = JSON.stringify(value ?? config().inspect(key)?.defaultValue);
  await eventually(() => JSON.stringify(config().get(key)), (v) => v === expected, `setting ${section}.${key}`);
}

export async function resetSettings(...keys: string[]): Promise<void> {
  for (const key of keys) await setSetting(key, undefined);
}

export interface LintSummary {
  ruleId: string;
  severity: string;
  line: number;
}

/** What the extension's linter says about `uri` now; undefined when it is not a post-mortem. */
export function lintResult(uri: vscode.Uri): Thenable<LintSummary[] | undefined> {
  return vscode.commands.executeCommand<LintSummary[] | undefined>('postmortem.test.lintResult', uri);
}
