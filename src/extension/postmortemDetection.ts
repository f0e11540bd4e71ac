import * as vscode from 'vscode';
import type { Settings } from './settings';

// Detection runs on every Markdown document that opens, so it lives in the small entry bundle
// and uses regular expressions only: no Markdown or YAML parser.

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const TYPE_POSTMORTEM = /^type[ \t]*:[ \t]*(["']?)post-?mortem\1[ \t]*(?:#.*)?$/im;
const README = /^readme[^/\\]*\.(?:md|markdown)$/i;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.+)$/gm;

/** The kinds of section a post-mortem has; a document with enough of them probably is one. */
const SECTION_KINDS: readonly RegExp[] = [
  /\btimeline\b/i,
  /\broot[ -]?causes?\b/i,
  /\bimpact\b/i,
  /\blessons?\b/i,
  /\baction[ -]?items?\b/i,
  /\bwhat went (?:well|wrong)\b/i,
];
const HEURISTIC_MIN_KINDS = 3;
/** Headings further down than this do not change the verdict; keeps detection cheap on huge files. */
const HEURISTIC_SCAN_CHARS = 200_000;

/** Front matter sits at the top; a block longer than this is not looked for. */
const FRONT_MATTER_SCAN_LINES = 1000;

/** About the first `chars` characters of the document, read line by line up to that size. */
function headOf(document: vscode.TextDocument, chars: number): string {
  let size = 0;
  let line = 0;
  while (line < document.lineCount && size < chars) size += document.lineAt(line++).text.length + 1;
  return document.getText(new vscode.Range(0, 0, line, 0));
}

export type Detection = 'frontMatter' | 'files' | 'heuristic' | undefined;

/** Why `document` is a post-mortem, or undefined when it is not one. */
export function detectPostmortem(document: vscode.TextDocument, settings: Settings): Detection {
  if (document.languageId !== 'markdown') return undefined;
  // Detection runs before every lint: read only the top of the document, never all of a 1 MB file.
  if (declaresPostmortem(document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, FRONT_MATTER_SCAN_LINES), 0)))) return 'frontMatter';
  // A README describes a project: it may well talk about timelines and lessons without being a
  // post-mortem, so only its front matter can make it one.
  if (isReadme(document.uri)) return undefined;
  if (settings.files.some((pattern) => vscode.languages.match({ language: 'markdown', pattern }, document) > 0)) return 'files';
  if (settings.heuristic && countSectionKinds(headOf(document, HEURISTIC_SCAN_CHARS)) >= HEURISTIC_MIN_KINDS) return 'heuristic';
  return undefined;
}

export function declaresPostmortem(text: string): boolean {
  const frontMatter = FRONT_MATTER.exec(text);
  return frontMatter !== null && TYPE_POSTMORTEM.test(frontMatter[1]);
}

export function isReadme(uri: vscode.Uri): boolean {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return README.test(name);
}

/** How many of the post-mortem section kinds the headings of `text` name. */
export function countSectionKinds(text: string): number {
  const found = new Set<number>();
  const scanned = text.length > HEURISTIC_SCAN_CHARS ? text.slice(0, HEURISTIC_SCAN_CHARS) : text;
  for (const [, heading] of scanned.matchAll(HEADING)) {
    SECTION_KINDS.forEach((kind, i) => {
      if (kind.test(heading)) found.add(i);
    });
    if (found.size >= HEURISTIC_MIN_KINDS) break;
  }
  return found.size;
}
