// Mermaid in the preview: loaded on first use (its own chunks), configured for the VS Code theme,
// run with securityLevel 'strict', and made to work under a Content Security Policy that allows
// no inline style at all (see withStylesThroughCssom).
import type { Mermaid, MermaidConfig } from 'mermaid';
import { mermaidErrorLine, mermaidErrorMessage, prepareMermaidText } from '../core/timeline/mermaidLines';
import type { ThemeKind } from '../shared/previewProtocol';

let loading: Promise<Mermaid> | undefined;

/** Mermaid, imported once: the core chunk at first, each diagram type's chunk when first drawn. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((module) => module.default);
  return loading;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` when no other use of mermaid is running: its configuration and state are global. */
export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

let configured: string | undefined;

/** (Re)initializes mermaid when the theme or the options changed since the last call. */
export function configure(mermaid: Mermaid, theme: ThemeKind, options: { htmlLabels?: boolean } = {}): void {
  const config: MermaidConfig = {
    startOnLoad: false,
    securityLevel: 'strict',
    // Errors are shown by the preview, not drawn as Mermaid's own error diagram.
    suppressErrorRendering: true,
    ...themeConfig(theme),
  };
  if (options.htmlLabels === false) {
    config.htmlLabels = false;
    config.flowchart = { htmlLabels: false };
  }
  const key = JSON.stringify(config);
  if (key === configured) return;
  configured = key;
  mermaid.initialize(config);
}

/** Mermaid's theme for the VS Code theme; high contrast from the theme's own colours. */
function themeConfig(theme: ThemeKind): MermaidConfig {
  if (theme === 'light') return { theme: 'default' };
  if (theme === 'dark') return { theme: 'dark' };
  const css = getComputedStyle(document.body);
  const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const dark = theme === 'high-contrast';
  const background = color('--vscode-editor-background', dark ? '#000000' : '#ffffff');
  const foreground = color('--vscode-editor-foreground', dark ? '#ffffff' : '#000000');
  const border = color('--vscode-contrastBorder', dark ? '#6fc3df' : '#0f4a85');
  return {
    theme: 'base',
    themeVariables: {
      darkMode: dark,
      background,
      mainBkg: background,
      primaryColor: background,
      secondaryColor: background,
      tertiaryColor: background,
      clusterBkg: background,
      edgeLabelBackground: background,
      primaryTextColor: foreground,
      textColor: foreground,
      titleColor: foreground,
      lineColor: foreground,
      primaryBorderColor: border,
      nodeBorder: border,
      clusterBorder: border,
    },
  };
}

/** A Mermaid syntax error, with the 1-based line of the block it is on when Mermaid says. */
export interface SyntaxProblem {
  blockLine?: number;
  message: string;
  /** Mermaid's whole message (with its pointer at the error), for the panel. */
  detail: string;
}

/** Where the time of one diagram went: mermaid.render (its parse included), turning its SVG into the page's. */
export interface MermaidTimes {
  renderMs: number;
  importMs: number;
}

export interface RenderedMermaid {
  svg: SVGSVGElement;
  /** Mermaid's stylesheet for this diagram (scoped by the SVG's id). */
  css: string;
  sheet: CSSStyleSheet;
  /** Nodes drawn (flowchart nodes, actors, tasks ...): what the tests count. */
  elements: number;
}

/**
 * Renders `text` into `host` (an element in the page, off screen, so that Mermaid can measure
 * text). Returns the problem instead when the text does not parse: mermaid.render parses first
 * and, with suppressErrorRendering, throws the parse error without drawing anything, so no
 * separate mermaid.parse is needed (it would parse the text twice). Must run inside `exclusive`.
 */
export async function renderMermaid(
  mermaid: Mermaid,
  id: string,
  text: string,
  host: HTMLElement,
  times: Partial<MermaidTimes> = {},
): Promise<{ ok: RenderedMermaid } | { problem: SyntaxProblem }> {
  const prepared = prepareMermaidText(text);
  try {
    let started = performance.now();
    const { svg, css } = await withStylesThroughCssom(() => mermaid.render(id, prepared.text, host));
    times.renderMs = performance.now() - started;
    started = performance.now();
    const ok = importSvg(svg, css);
    times.importMs = performance.now() - started;
    return { ok };
  } catch (error) {
    return { problem: problemOf(error, prepared.firstParsedLine) };
  } finally {
    host.replaceChildren();
  }
}

/** Times mermaid.parse and mermaid.render alone on `text` (for the benchmark). Must run inside `exclusive`. */
export async function timeMermaid(mermaid: Mermaid, text: string, runs: number, host: HTMLElement): Promise<{ parseMs: number[]; renderMs: number[]; insertMs: number[] }> {
  const prepared = prepareMermaidText(text);
  const parseMs: number[] = [];
  const renderMs: number[] = [];
  const insertMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await mermaid.parse(prepared.text);
    const parsed = performance.now();
    const { svg } = await withStylesThroughCssom(() => mermaid.render(`pm-bench-${run}`, prepared.text, host));
    const rendered = performance.now();
    // What any page does next with mermaid.render's result (mermaid.run too): parse it into elements.
    const template = document.createElement('template');
    template.innerHTML = svg;
    insertMs.push(performance.now() - rendered);
    renderMs.push(rendered - parsed);
    parseMs.push(parsed - started);
    host.replaceChildren();
  }
  return { parseMs, renderMs, insertMs };
}

function problemOf(error: unknown, firstParsedLine: number): SyntaxProblem {
  const parsedLine = mermaidErrorLine(error);
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ...(parsedLine !== undefined ? { blockLine: firstParsedLine + parsedLine } : {}),
    message: mermaidErrorMessage(error),
    detail: detail.length > 2000 ? `${detail.slice(0, 2000)}…` : detail,
  };
}

/**
 * Runs a mermaid render under the panel's CSP, which has no 'unsafe-inline' for styles: Mermaid
 * writes its stylesheet into a <style> element and many `style` attributes, which the browser
 * would refuse, so the text would be measured unstyled and the layout would be wrong. While
 * `render` runs, the CSS of <style> elements is applied through a constructed stylesheet and
 * `style` attributes through element.style (CSSOM, which a CSP does not restrict). The output is
 * the same as without a CSP. Event handler attributes are dropped on the way.
 */
async function withStylesThroughCssom(render: () => Promise<{ svg: string }>): Promise<{ svg: string; css: string }> {
  const sheets: CSSStyleSheet[] = [];
  const cssTexts: string[] = [];
  const capture = (element: Element) => {
    const sheet = new CSSStyleSheet();
    sheets.push(sheet);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    // The element itself stays empty: the CSS is taken from here (the browser would refuse it anyway).
    let text = '';
    const set = (css: string) => {
      text = String(css);
      cssTexts.push(text);
      sheet.replaceSync(text);
    };
    Object.defineProperty(element, 'textContent', { configurable: true, get: () => text, set });
    Object.defineProperty(element, 'innerHTML', { configurable: true, get: () => text, set });
  };
  const createElement = Document.prototype.createElement;
  const createElementNS = Document.prototype.createElementNS;
  const setAttribute = Element.prototype.setAttribute;
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = createElement.call(this, tagName, options);
    if (tagName.toLowerCase() === 'style') capture(element);
    return element;
  } as typeof Document.prototype.createElement;
  Document.prototype.createElementNS = function (this: Document, namespace: string | null, qualifiedName: string, options?: string | ElementCreationOptions) {
    const element = createElementNS.call(this, namespace, qualifiedName, options as ElementCreationOptions);
    if (element.localName === 'style') capture(element);
    return element;
  } as typeof Document.prototype.createElementNS;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    const lower = name.toLowerCase();
    if (lower === 'style' && (this instanceof HTMLElement || this instanceof SVGElement)) {
      this.style.cssText = String(value);
      return;
    }
    // Inline event handlers (Mermaid's own sequence-diagram menus set onclick code): never into
    // the page, whatever the CSP would do with them; the sanitizer drops them from the output anyway.
    if (lower.startsWith('on')) return;
    setAttribute.call(this, name, value);
  };
  try {
    const { svg } = await render();
    return { svg, css: cssTexts.join('\n') };
  } finally {
    Document.prototype.createElement = createElement;
    Document.prototype.createElementNS = createElementNS;
    Element.prototype.setAttribute = setAttribute;
    const temporary = new Set(sheets);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !temporary.has(sheet));
  }
}

/**
 * Turns Mermaid's (DOMPurify-sanitized) SVG text into an element of this page: parsed in an inert
 * document, its <style> moved to a constructed stylesheet and its style attributes applied
 * through CSSOM, for the same CSP reason as above.
 */
export function importSvg(svgText: string, capturedCss: string): RenderedMermaid {
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${svgText}`, 'text/html');
  const source = parsed.body.querySelector('svg');
  if (!source) throw new Error('Mermaid returned no SVG.');
  const styles = [...source.querySelectorAll('style')];
  const css = capturedCss || styles.map((style) => style.textContent ?? '').join('\n');
  for (const style of styles) style.remove();
  const all = [source, ...source.querySelectorAll('*')];
  const inline: [number, string][] = [];
  all.forEach((element, i) => {
    const style = element.getAttribute('style');
    if (style === null) return;
    inline.push([i, style]);
    element.removeAttribute('style');
  });
  // Moved into this page rather than copied: the parsed document is thrown away.
  const svg = document.adoptNode(source) as unknown as SVGSVGElement;
  for (const [i, style] of inline) (all[i] as HTMLElement | SVGElement).style.cssText = style;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const elements = svg.querySelectorAll('g.node, g.actor, rect.task, g.mindmap-node, g.section, .pieCircle, g.commit, g.timeline-node').length;
  return { svg, css, sheet, elements };
}
