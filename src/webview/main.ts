// The timeline preview's page. It receives one `update` per document version from the extension,
// keeps every diagram's last good SVG on screen until its replacement is ready, renders only the
// diagrams whose text or theme changed, drops renders that a newer version made stale, and
// reports each finished pass (what it shows, syntax errors) back.
import type { Mermaid } from 'mermaid';
import type { MermaidSource } from '../core/timeline/types';
import {
  isToWebview,
  type BenchRenderRequest,
  type DiagramTarget,
  type ExportRequest,
  type FromWebview,
  type MermaidSyntaxError,
  type PreviewState,
  type RenderedDiagram,
  type SavedDiagram,
  type TestClickRequest,
  type ThemeKind,
  type UpdateMessage,
} from '../shared/previewProtocol';
import { mermaidSvgText, pngBase64, timelineSvgText } from './exporter';
import { configure, exclusive, importSvg, loadMermaid, renderMermaid, timeMermaid, type MermaidTimes, type RenderedMermaid, type SyntaxProblem } from './mermaidRenderer';
import { renderTimelineSvg } from './timelineSvg';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const scriptStart = performance.now();
const vscode = acquireVsCodeApi();
const post = (message: FromWebview) => vscode.postMessage(message);

// ---- security monitoring (reported with every pass; the tests require nothing to get through) ----
const cspViolations: Record<string, number> = {};
document.addEventListener('securitypolicyviolation', (event) => {
  cspViolations[event.effectiveDirective] = (cspViolations[event.effectiveDirective] ?? 0) + 1;
});

function scriptInjected(): boolean {
  return (window as { __pwned?: unknown }).__pwned !== undefined || document.documentElement.hasAttribute('data-pwned');
}

/** Things that could run script if the sanitizer had let them through. */
function unsafeNodes(root: Element): number {
  let count = root.querySelectorAll('script, iframe, object, embed, foreignObject iframe').length;
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) count++;
      else if ((name === 'href' || name === 'xlink:href' || name === 'src' || name === 'action') && /^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value)) count++;
    }
  }
  return count;
}

// ---- page structure ----
const app = document.getElementById('app') ?? document.body;
const header = div('pm-header');
const timelineSection = section('Generated timeline', 'timeline');
const blocksRoot = div('pm-blocks');
const status = div('pm-status');
status.setAttribute('role', 'status');
// Mermaid draws here first (off screen, but laid out so that it can measure text).
const renderHost = div('pm-render-host');
renderHost.setAttribute('aria-hidden', 'true');
app.append(header, status, timelineSection.root, blocksRoot, renderHost);

function div(className: string): HTMLDivElement {
  const element = document.createElement('div');
  element.className = className;
  return element;
}

interface Section {
  root: HTMLElement;
  title: HTMLElement;
  error: HTMLElement;
  view: HTMLElement;
}

function section(title: string, target: DiagramTarget): Section {
  const root = document.createElement('section');
  root.className = 'pm-diagram';
  const bar = div('pm-diagram-bar');
  const heading = document.createElement('h2');
  heading.textContent = title;
  const buttons = div('pm-buttons');
  for (const format of ['svg', 'png'] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = format.toUpperCase();
    button.title = `Export as ${format.toUpperCase()}…`;
    button.addEventListener('click', () => {
      if (current) post({ type: 'export-click', uri: current.uri, version: current.version, target, format });
    });
    buttons.append(button);
  }
  bar.append(heading, buttons);
  const error = div('pm-error');
  error.hidden = true;
  const view = div('pm-view');
  root.append(bar, error, view);
  return { root, title: heading, error, view };
}

// ---- state ----
interface Slot {
  section: Section;
  block: MermaidSource;
  /** Theme and text of what was last rendered into this slot (successfully or not). */
  key?: string;
  rendered?: RenderedMermaid & { version: number };
  problem?: SyntaxProblem;
  renderMs: number;
  /** Of the last render (reported once). */
  times?: Partial<MermaidTimes>;
}

let current: UpdateMessage | undefined;
let receivedAt = 0;
const slots: Slot[] = [];
let timelineSvg: SVGSVGElement | undefined;
let timelineKey: string | undefined;
let timelineMs = 0;
let settling: Promise<void> | undefined;
let mermaid: Mermaid | undefined;

let mermaidLoadedAt: number | undefined;
let firstUpdateAt: number | undefined;
/** When the first SVG (the generated timeline, usually) was on the page. */
let firstSvgAt: number | undefined;
let mermaidLoading: Promise<Mermaid> | undefined;

/** Mermaid, imported on first need: at once when the page says its document has diagrams. */
function mermaidLoad(): Promise<Mermaid> {
  mermaidLoading ??= loadMermaid().then(
    (loaded) => {
      mermaidLoadedAt = performance.now();
      return (mermaid = loaded);
    },
    (error: unknown) => {
      post({ type: 'error', message: `Mermaid could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
      throw error;
    },
  );
  return mermaidLoading;
}

/**
 * Imports Mermaid and the chunks the extension expects the first render to need (its diagram
 * types, their layout) all at once, so that they load in parallel rather than one dynamic import
 * after another. Mermaid's own later imports of the same files find them loaded.
 */
function warmUp(): void {
  if (!document.body.dataset.mermaid) return;
  let chunks: unknown;
  try {
    chunks = JSON.parse(document.body.dataset.chunks ?? '[]');
  } catch {
    chunks = [];
  }
  // Mermaid's core first (everything waits for it); then the diagram and layout modules, which
  // load while Mermaid parses the first diagram.
  void mermaidLoad().then(() => {
    for (const chunk of Array.isArray(chunks) ? chunks : []) {
      if (typeof chunk === 'string' && /^chunks\/[\w.-]+\.js$/.test(chunk)) void import(/* @vite-ignore */ new URL(`./${chunk}`, document.baseURI).href).catch(() => undefined);
    }
  }, () => undefined);
}

function themeKind(): ThemeKind {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

// ---- messages ----
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebview(message)) return;
  switch (message.type) {
    case 'update':
      return onUpdate(message);
    case 'export':
      return void onExport(message);
    case 'test-click':
      return onTestClick(message);
    case 'bench-render':
      return void onBenchRender(message);
  }
});

function onUpdate(update: UpdateMessage): void {
  // Stale: an older version of the document shown (messages can cross a reload of the page).
  if (current && update.uri === current.uri && update.version < current.version) return;
  const switched = !!current && update.uri !== current.uri;
  if (switched) resetDiagrams();
  const first = !current;
  current = update;
  receivedAt = performance.now();
  firstUpdateAt ??= receivedAt;
  if (first || switched) restoreSaved(update);
  if (vscode.getState()?.uri !== update.uri) vscode.setState({ uri: update.uri });
  renderHeader(update);
  kick();
}

const MAX_SAVED_CHARS = 2_000_000;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** A diagram was swapped in since the last save. */
let unsaved = false;

/** Saves the diagrams drawn (soon after a pass, once the page is idle again). */
function saveDiagrams(uri: string): void {
  if (!unsaved) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (current?.uri !== uri) return;
    let size = 0;
    const diagrams = slots.map((slot): SavedDiagram | null => {
      if (!slot.rendered || !slot.key) return null;
      const saved = { key: slot.key, version: slot.rendered.version, svg: slot.rendered.svg.outerHTML, css: slot.rendered.css };
      size += saved.svg.length + saved.css.length;
      return saved;
    });
    const tooLarge = size > MAX_SAVED_CHARS;
    vscode.setState(tooLarge ? { uri } : { uri, diagrams });
    // The extension forgets the document then: the next message has to tell all.
    if (tooLarge) sentKeys = [];
    // The extension keeps it too, for a panel opened again on this document.
    post({ type: 'saved', uri, blocks: diagrams.length, changed: tooLarge ? [] : changedSinceSent(diagrams), ...(tooLarge ? { tooLarge } : {}) });
    unsaved = false;
  }, 300);
}

/** What the extension was last sent of each diagram of the current document (its key). */
let sentKeys: (string | undefined)[] = [];

/** The diagrams whose key differs from what the extension was last sent, and notes them as sent. */
function changedSinceSent(diagrams: (SavedDiagram | null)[]): [number, SavedDiagram | null][] {
  const changed: [number, SavedDiagram | null][] = [];
  diagrams.forEach((diagram, i) => {
    if (i < sentKeys.length && sentKeys[i] === diagram?.key) return;
    changed.push([i, diagram]);
  });
  sentKeys = diagrams.map((diagram) => diagram?.key);
  return changed;
}

/**
 * A page new to the document, which was drawn before: the panel restored after a window reload
 * (the page's saved state), or opened again, or switched back to the document, this session (the
 * extension's copy, in the update). Hidden behind another tab, the page is kept and needs none of
 * this. Shows the diagrams drawn before at once. Those whose theme and text are unchanged are not
 * drawn again; the others stay as the last good version until their new one is ready.
 */
function restoreSaved(update: UpdateMessage): void {
  const saved = update.drawnBefore ?? vscode.getState();
  if (saved?.uri !== update.uri || !saved.diagrams) return;
  syncSlots(update.blocks);
  const theme = themeKind();
  saved.diagrams.forEach((diagram, i) => {
    const slot = slots[i];
    if (!diagram || !slot) return;
    try {
      const rendered = importSvg(diagram.svg, diagram.css);
      const unchanged = diagram.key === `${theme}\n${slot.block.text}`;
      show(slot, rendered, unchanged ? update.version : diagram.version);
      if (unchanged) slot.key = diagram.key;
    } catch {
      // Not restorable: drawn again below.
    }
  });
}

function resetDiagrams(): void {
  for (const slot of slots.splice(0)) slot.section.root.remove();
  sentKeys = [];
  timelineKey = undefined;
  syncSheets();
}

/** Brings the page up to date with `current`, unless that is already under way. */
function kick(): void {
  settling ??= settle().finally(() => {
    settling = undefined;
  });
}

/**
 * Renders until what is shown matches the latest update and theme. A render whose text was
 * replaced by a newer update while it ran is dropped (the slot keeps its last good SVG) and the
 * pass starts again with the newer text; a render whose text did not change stays valid.
 */
async function settle(): Promise<void> {
  for (;;) {
    const update = current;
    if (!update) return;
    const theme = themeKind();
    renderTimeline(update, theme);
    syncSlots(update.blocks);
    let interrupted = false;
    for (const slot of slots) {
      if (current !== update || themeKind() !== theme) {
        interrupted = true;
        break;
      }
      const key = `${theme}\n${slot.block.text}`;
      if (slot.key === key) continue;
      if (!mermaid) {
        setStatus('Loading Mermaid…');
        try {
          await mermaidLoad();
        } catch {
          setStatus('Mermaid could not be loaded; the generated timeline is shown without the Mermaid diagrams.');
          report(update, theme);
          return;
        }
        setStatus('');
      }
      const started = performance.now();
      const times: Partial<MermaidTimes> = {};
      const result = await exclusive(async () => {
        configure(mermaid!, theme);
        return renderMermaid(mermaid!, diagramId(slot.block.index, key), slot.block.text, renderHost, times);
      });
      // Dropped when the text or theme changed meanwhile; the next round renders the new one.
      const latest = current?.blocks[slot.block.index];
      if (current?.uri !== update.uri || !latest || `${themeKind()}\n${latest.text}` !== key || !slots.includes(slot)) {
        interrupted = true;
        break;
      }
      slot.key = key;
      slot.renderMs = performance.now() - started;
      slot.times = times;
      if ('ok' in result) show(slot, result.ok, current.version);
      else showProblem(slot, result.problem);
    }
    if (!interrupted && current === update && themeKind() === theme) {
      report(update, theme);
      return;
    }
  }
}

function syncSlots(blocks: readonly MermaidSource[]): void {
  while (slots.length > blocks.length) slots.pop()!.section.root.remove();
  blocks.forEach((block, i) => {
    let slot = slots[i];
    if (!slot) {
      slot = { section: section('', i), block, renderMs: 0 };
      slot.section.view.textContent = 'Rendering…';
      slot.section.view.classList.add('pm-placeholder');
      slots.push(slot);
      blocksRoot.append(slot.section.root);
    }
    slot.block = block;
    slot.section.title.textContent = `Mermaid diagram ${i + 1} · ${block.diagramType || 'unknown'} · line ${block.fenceLine + 1}`;
  });
  if (blocks.length === 0) blocksRoot.textContent = 'This document has no ```mermaid blocks.';
  else if (blocksRoot.firstChild?.nodeType === Node.TEXT_NODE) blocksRoot.firstChild.remove();
  syncSheets();
}

/** Ids from a hash of the text: the same diagram gets the same id (and CSS scope) every time. */
function diagramId(index: number, key: string): string {
  let hash = 5381;
  for (let i = 0; i < key.length; i++) hash = ((hash << 5) + hash + key.charCodeAt(i)) | 0;
  return `pm-m${index}-${(hash >>> 0).toString(36)}`;
}

/** Swaps the new SVG in, in one DOM operation: no blank frame between the old and the new. */
function show(slot: Slot, rendered: RenderedMermaid, version: number): void {
  slot.rendered = { ...rendered, version };
  slot.problem = undefined;
  slot.section.view.classList.remove('pm-placeholder', 'pm-stale');
  slot.section.view.replaceChildren(rendered.svg);
  firstSvgAt ??= performance.now();
  unsaved = true;
  slot.section.error.hidden = true;
  slot.section.error.replaceChildren();
  syncSheets();
}

function showProblem(slot: Slot, problem: SyntaxProblem): void {
  slot.problem = problem;
  const line = problemLine(slot, problem);
  const box = slot.section.error;
  const title = document.createElement('button');
  title.type = 'button';
  title.className = 'pm-error-title';
  title.dataset.line = String(line);
  title.textContent = `Mermaid syntax error${problem.blockLine !== undefined ? ` on line ${problem.blockLine} of the diagram` : ''} (document line ${line + 1}): ${problem.message}`;
  const detail = document.createElement('pre');
  detail.textContent = problem.detail;
  box.replaceChildren(title, detail);
  box.hidden = false;
  if (slot.rendered) {
    slot.section.view.classList.add('pm-stale');
    slot.section.view.title = 'The last version of this diagram that rendered';
  } else {
    slot.section.view.classList.remove('pm-placeholder');
    slot.section.view.replaceChildren();
  }
}

function problemLine(slot: Slot, problem: SyntaxProblem): number {
  const lastLine = slot.block.firstLine + Math.max(0, slot.block.text.split('\n').length - 1);
  return problem.blockLine !== undefined ? Math.min(lastLine, slot.block.firstLine + problem.blockLine - 1) : slot.block.fenceLine;
}

function syncSheets(): void {
  document.adoptedStyleSheets = slots.flatMap((slot) => (slot.rendered ? [slot.rendered.sheet] : []));
}

function renderTimeline(update: UpdateMessage, theme: ThemeKind): void {
  const width = timelineSection.view.clientWidth || document.body.clientWidth || 800;
  const key = `${theme}\n${width}\n${JSON.stringify(update.timeline)}`;
  if (key === timelineKey) return;
  const started = performance.now();
  timelineKey = key;
  const view = timelineSection.view;
  if (update.timeline.events.length === 0) {
    timelineSvg = undefined;
    view.replaceChildren(update.timeline.empty ?? 'Nothing to draw.');
    view.classList.add('pm-placeholder');
  } else {
    timelineSvg = renderTimelineSvg(update.timeline, width);
    view.classList.remove('pm-placeholder');
    view.replaceChildren(timelineSvg);
    firstSvgAt ??= performance.now();
  }
  const skipped = update.timeline.skipped;
  timelineSection.error.hidden = skipped.length === 0;
  timelineSection.error.textContent = skipped.length
    ? `${skipped.length} event(s) not drawn: ${[...new Set(skipped.map((s) => s.reason))].join('; ')}.`
    : '';
  timelineSection.error.classList.toggle('pm-note', true);
  timelineMs = performance.now() - started;
}

function renderHeader(update: UpdateMessage): void {
  const h = update.header;
  const title = document.createElement('h1');
  title.textContent = h.title ?? update.fileName;
  const facts = document.createElement('dl');
  const fact = (label: string, value: string | undefined, className = '') => {
    if (!value) return;
    const item = div(`pm-fact ${className}`);
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    item.append(dt, dd);
    facts.append(item);
  };
  fact('Date', h.date);
  fact('Duration', h.duration);
  fact('Impact', h.impact);
  fact('Cost', h.cost);
  fact('Severity', h.severity);
  for (const time of h.times) fact(time.short, time.text, 'pm-time-fact');
  const counts = update.counts;
  fact('Problems', `${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`, counts.errors ? 'pm-has-errors' : counts.warnings ? 'pm-has-warnings' : '');
  header.replaceChildren(title, facts);
}

function setStatus(text: string): void {
  status.textContent = text;
  status.hidden = text === '';
}

/** When the page's HTML was requested and arrived (ms since the page started loading), for the benchmark. */
function htmlTimes(): { htmlRequested?: number; htmlArrived?: number } {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return navigation ? { htmlRequested: Math.round(navigation.requestStart), htmlArrived: Math.round(navigation.responseEnd) } : {};
}

function report(update: UpdateMessage, theme: ThemeKind): void {
  const diagrams: RenderedDiagram[] = [
    { target: 'timeline', svg: timelineSvg !== undefined, svgVersion: update.version, elements: update.timeline.events.length, renderMs: timelineMs },
    ...slots.map((slot, i): RenderedDiagram => ({
      target: i,
      svg: slot.rendered !== undefined,
      ...(slot.rendered ? { svgVersion: slot.rendered.version } : {}),
      elements: slot.rendered?.elements ?? 0,
      ...(slot.problem ? { error: slot.problem.message } : {}),
      renderMs: slot.renderMs,
      ...(slot.times ? { mermaid: slot.times } : {}),
    })),
  ];
  const errors: MermaidSyntaxError[] = slots.flatMap((slot, i) => (slot.problem
    ? [{ block: i, line: problemLine(slot, slot.problem), ...(slot.problem.blockLine !== undefined ? { blockLine: slot.problem.blockLine } : {}), message: slot.problem.message }]
    : []));
  const finishedAt = performance.now();
  post({
    type: 'rendered',
    uri: update.uri,
    version: update.version,
    theme,
    diagrams,
    errors,
    receivedAt,
    finishedAt,
    timeOrigin: performance.timeOrigin,
    sinceStartMs: finishedAt - scriptStart,
    page: { ...htmlTimes(), firstSvg: firstSvgAt, scriptStart, ...(mermaidLoadedAt !== undefined ? { mermaidLoaded: mermaidLoadedAt } : {}), ...(firstUpdateAt !== undefined ? { firstUpdate: firstUpdateAt } : {}) },
    scriptInjected: scriptInjected(),
    cspViolations: { ...cspViolations },
    unsafeNodes: unsafeNodes(app),
  });
  for (const slot of slots) {
    slot.renderMs = 0;
    slot.times = undefined;
  }
  saveDiagrams(update.uri);
  timelineMs = 0;
}

// ---- clicks: reveal the source line ----
app.addEventListener('click', (event) => {
  if (!current || !(event.target instanceof Element)) return;
  const line = lineOfClick(event.target);
  if (line !== undefined) post({ type: 'reveal', uri: current.uri, version: current.version, line });
});
app.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.closest('.pm-event')) {
    event.preventDefault();
    (event.target as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
});

function lineOfClick(target: Element): number | undefined {
  const withLine = target.closest<HTMLElement | SVGElement>('[data-line]');
  if (withLine && app.contains(withLine)) return Number(withLine.dataset.line);
  const slot = slots.find((s) => s.section.view.contains(target));
  if (!slot?.rendered) return undefined;
  const svgId = slot.rendered.svg.id;
  for (let element: Element | null = target; element && element !== slot.rendered.svg; element = element.parentElement) {
    const id = nodeIdOf(element, svgId);
    const line = id === undefined ? undefined : lineOfNode(slot.block, id);
    if (line !== undefined) return line;
  }
  return undefined;
}

/** The Mermaid id of a drawn node or subgraph (`pm-m0-x-flowchart-Start-3` → `Start`). */
function nodeIdOf(element: Element, svgId: string): string | undefined {
  const id = element.getAttribute('data-id') ?? element.id;
  if (!id || !(element.classList.contains('node') || element.classList.contains('cluster') || element.hasAttribute('data-id'))) return undefined;
  const local = id.startsWith(`${svgId}-`) ? id.slice(svgId.length + 1) : id;
  const match = /^(?:flowchart|state|classId|entity)-(.+?)(?:-\d+)?$/.exec(local);
  return match ? match[1] : local;
}

/** Where `id` is defined in the block: the model's line for event nodes, else its first mention. */
function lineOfNode(block: MermaidSource, id: string): number | undefined {
  if (id in block.nodeLines) return block.nodeLines[id];
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = block.text.split('\n');
  const patterns = [new RegExp(`^\\s*(subgraph\\s+)?${escaped}\\s*[\\[({>]`), new RegExp(`^\\s*(subgraph\\s+)?${escaped}\\b`), new RegExp(`\\b${escaped}\\b`)];
  for (const pattern of patterns) {
    const at = lines.findIndex((line) => pattern.test(line));
    if (at >= 0) return block.firstLine + at;
  }
  return undefined;
}

// ---- export ----
async function onExport(request: ExportRequest): Promise<void> {
  const answer = (data: { data: string } | { error: string }) => post({ type: 'exported', uri: request.uri, version: request.version, requestId: request.requestId, ...data });
  try {
    await settling;
    answer({ data: await exportData(request) });
  } catch (error) {
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
}

async function exportData(request: ExportRequest): Promise<string> {
  if (request.target === 'timeline') {
    if (!timelineSvg) throw new Error('the document has no timeline to draw');
    const { text, width, height } = timelineSvgText(timelineSvg);
    return request.format === 'svg' ? text : pngBase64(text, width, height);
  }
  const slot = slots[request.target];
  if (!slot?.rendered) throw new Error(`Mermaid diagram ${request.target + 1} has not rendered${slot?.problem ? `: ${slot.problem.message}` : ''}`);
  if (request.format === 'svg') return mermaidSvgText(slot.rendered.svg, slot.rendered.css).text;
  // HTML labels (foreignObject) would taint the canvas: draw the PNG from a render with SVG text labels.
  const theme = themeKind();
  const result = await exclusive(async () => {
    configure(mermaid!, theme, { htmlLabels: false });
    try {
      return await renderMermaid(mermaid!, `pm-export-${request.requestId}`, slot.block.text, renderHost);
    } finally {
      configure(mermaid!, theme);
    }
  });
  if (!('ok' in result)) throw new Error(result.problem.message);
  const { text, width, height } = mermaidSvgText(result.ok.svg, result.ok.css);
  return pngBase64(text, width, height);
}

// ---- tests and benchmark ----
function onTestClick(request: TestClickRequest): void {
  const targets: Element[] = [];
  const what = request.target;
  if ('timelineEvent' in what) {
    const event = timelineSection.view.querySelector(`.pm-event[data-index="${what.timelineEvent}"]`);
    if (event) targets.push(event);
  } else if ('mermaidNode' in what) {
    const slot = slots[what.block];
    const node = slot?.rendered && [...slot.rendered.svg.querySelectorAll('g.node, g.cluster')].find((n) => nodeIdOf(n, slot.rendered!.svg.id) === what.mermaidNode);
    if (node) targets.push(node.querySelector('rect, path, polygon, circle') ?? node);
  } else if ('scrollTo' in what) {
    const root = what.scrollTo === 'timeline' ? timelineSection.root : slots[what.scrollTo]?.section.root;
    root?.scrollIntoView({ block: 'start' });
  } else {
    targets.push(...app.querySelectorAll('.pm-view a, .pm-view g.node, .pm-view g.cluster, .pm-view .pm-event, .pm-view foreignObject *, .pm-view text, .pm-view image'));
  }
  for (const target of targets.slice(0, 1000)) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  // Handlers that a click might have set off (none should exist) run before the answer.
  setTimeout(() => post({
    type: 'test-clicked', uri: request.uri, version: request.version, requestId: request.requestId, clicked: Math.min(targets.length, 1000),
    scriptInjected: scriptInjected(), unsafeNodes: unsafeNodes(app), cspViolations: { ...cspViolations },
  }), 100);
}

async function onBenchRender(request: BenchRenderRequest): Promise<void> {
  const loaded = await mermaidLoad();
  const theme = themeKind();
  const times = await exclusive(async () => {
    configure(loaded, theme);
    return timeMermaid(loaded, request.text, request.runs, renderHost);
  });
  post({ type: 'bench-rendered', uri: request.uri, version: request.version, requestId: request.requestId, ...times });
}

// ---- theme and size ----
new MutationObserver(() => kick()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let resizeFrame = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => {
    if (current) renderTimeline(current, themeKind());
  });
}).observe(timelineSection.view);

post({ type: 'ready', ...(vscode.getState()?.uri ? { uri: vscode.getState()!.uri } : {}) });
warmUp();
