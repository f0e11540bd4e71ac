import * as vscode from 'vscode';

const TEMPLATE = 'templates/postmortem.md';

/**
 * "Post-Mortem: New Post-Mortem": asks for a title, writes `YYYY-MM-DD-<slug>.md` from the
 * template into the first workspace folder (an untitled document without one) and opens it.
 * `title` skips the input box (for keybindings, other extensions and the tests).
 */
export async function newPostmortem(extensionUri: vscode.Uri, title?: unknown): Promise<vscode.Uri | undefined> {
  if (title !== undefined) {
    const problem = typeof title === 'string' ? validateTitle(title) : 'The title must be a string.';
    if (problem) throw new Error(problem);
  } else {
    title = await vscode.window.showInputBox({
      title: 'New Post-Mortem',
      prompt: 'Title of the incident; it also names the file.',
      placeHolder: 'Checkout API outage after cache deployment',
      ignoreFocusOut: true,
      validateInput: validateTitle,
    });
    if (title === undefined) return undefined;
  }
  const name = (title as string).trim();
  const date = isoDate(new Date());
  const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, TEMPLATE)));
  const content = fillTemplate(template, { title: name, date });

  const folder = vscode.workspace.workspaceFolders?.[0];
  let document: vscode.TextDocument;
  if (folder) {
    const uri = await freeUri(folder.uri, `${date}-${slugify(name)}`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    document = await vscode.workspace.openTextDocument(uri);
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  }
  await vscode.window.showTextDocument(document);
  return document.uri;
}

export function validateTitle(value: string): string | undefined {
  if (value.trim() === '') return 'Give the incident a title, e.g. "Checkout API outage".';
  if (slugify(value) === '') return 'The title needs at least one letter or digit: it names the file.';
  return undefined;
}

/** `Checkout API: 502s in EU!` → `checkout-api-502s-in-eu`. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Today in the local time zone, as the team sees the calendar. */
function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, key: string) => values[key] ?? placeholder);
}

/** `<base>.md`, or `<base>-2.md` and so on when a post-mortem of that name exists already. */
async function freeUri(folder: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${base}${n === 1 ? '' : `-${n}`}.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}
