import * as vscode from 'vscode';
import {
  isFromWebview,
  PREVIEW_DEBOUNCE_MS,
  PREVIEW_VIEW_TYPE,
  type BenchRenderedMessage,
  type DiagramTarget,
  type ExportFormat,
  type FromWebview,
  type RenderedMessage,
  type TestClickedMessage,
  type TestClickRequest,
  type ToWebview,
  type UpdateMessage,
} from '../../shared/previewProtocol';
import { loadCore } from '../coreLoader';
import { countFindings } from '../diagnostics';
import type { LintController } from '../lintController';
import { panelOptions, previewHtml, webviewOptions } from './html';
import { DrawnDiagrams, savedMessage } from './drawnDiagrams';
import { MermaidDiagnostics } from './mermaidDiagnostics';

/** Reports kept for the tests and the benchmark. */
const KEPT_REPORTS = 50;
/**
 * A page that has not said it is ready this long after its panel was shown is taken as stuck:
 * VS Code's webview host (1.100, on the web) can wait forever for its service worker when
 * webviews are created and closed in some orders, leaving the panel blank. The panel is then
 * replaced by a new one, which loads.
 */
export const READY_TIMEOUT_MS = 8_000;

/** One document version on its way through the preview (extension host clock, ms). */
export interface VersionTiming {
  version: number;
  /** When the edit that made this version reached the extension. */
  changedAt?: number;
  /** When the debounce ran out (the lint and the message come after). */
  firedAt?: number;
  /** When the update left for the webview. */
  sentAt: number;
  /** When the webview reported the finished render. */
  renderedAt?: number;
  /** Time the webview spent from receiving the update to the end of the render (its clock). */
  webviewMs?: number;
  /**
   * When the update reached the page and when the new SVG was in it, on this clock (the page's
   * times moved by the difference of the two clocks' origins; the same machine's wall clock).
   */
  arrivedAt?: number;
  inPageAt?: number;
}

interface PreviewDeps {
  extensionUri: vscode.Uri;
  controller: LintController;
  log: vscode.LogOutputChannel;
  diagnostics: MermaidDiagnostics;
  /** The export buttons of the page. */
  exportDiagram(target: DiagramTarget, format: ExportFormat): Thenable<unknown>;
  /** The page did not start (see READY_TIMEOUT_MS). */
  onStalled(preview: TimelinePreview): void;
  /** What earlier panels drew, by document (this session). */
  drawnBefore: DrawnDiagrams;
}

type Answer<T extends FromWebview['type']> = Extract<FromWebview, { type: T }>;

/**
 * The timeline preview panel: shows one post-mortem (following the active editor), sends it to
 * the webview debounced after each edit, publishes the Mermaid syntax errors the webview finds,
 * and reveals the lines the user clicks.
 */
export class TimelinePreview implements vscode.Disposable {
  private documentUri: vscode.Uri;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent: { version: number; counts: string } | undefined;
  /** The next update goes to a page new to the document shown: it carries what was drawn before. */
  private offerDrawnBefore = false;
  private latest: RenderedMessage | undefined;
  private readonly reports: RenderedMessage[] = [];
  private readonly timings = new Map<number, VersionTiming>();
  private readonly changedAt = new Map<number, number>();
  private readonly pending = new Map<number, { type: FromWebview['type']; resolve(message: FromWebview): void; reject(error: Error): void }>();
  private nextRequestId = 1;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDidRenderEmitter = new vscode.EventEmitter<RenderedMessage>();
  /** A render pass of the webview finished (for the document shown, not older than the last one). */
  readonly onDidRender = this.onDidRenderEmitter.event;
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;
  /** When the panel was created or restored (extension host clock). */
  readonly createdAt = performance.now();
  /** When its page said it was ready, the first time, and how many times it did (once per page load). */
  private readyAt: number | undefined;
  private readyCount = 0;
  /**
   * Running from when the panel is shown until its page first says it is ready. After that the
   * page is kept, hidden or not (retainContextWhenHidden), so it is not expected to load again.
   */
  private readyTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Edits are not sent while set: the benchmark times Mermaid alone in the page under the load
   * an edit sets off (lint, VS Code's own work) without the preview's pass.
   */
  holdEdits = false;

  constructor(readonly panel: vscode.WebviewPanel, uri: vscode.Uri, private readonly deps: PreviewDeps) {
    this.documentUri = uri;
    panel.webview.options = webviewOptions(deps.extensionUri);
    const document = this.document();
    const diagramTypes = (document && deps.controller.currentResult(document)?.model.mermaidBlocks.map((block) => block.diagramType)) ?? [];
    panel.webview.html = previewHtml(panel.webview, deps.extensionUri, diagramTypes);
    this.updateTitle();
    this.watchReady();
    this.disposables.push(
      this.onDidRenderEmitter,
      this.onDidDisposeEmitter,
      panel.webview.onDidReceiveMessage((message) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
      // A panel restored behind another tab loads its page when first shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.stopWatchingReady();
        else if (this.readyCount === 0 && this.readyTimer === undefined) this.watchReady();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 || event.document.uri.toString() !== this.documentUri.toString()) return;
        if (this.holdEdits) return;
        this.changedAt.set(event.document.version, performance.now());
        this.schedule(PREVIEW_DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.documentUri.toString()) this.deps.diagnostics.clear(document.uri);
      }),
      // Settings changed, or a lint finished: the header's counts may differ.
      deps.controller.onDidPublish((published) => {
        if (published.toString() === this.documentUri.toString() && !this.timer && !this.holdEdits) this.sendUpdate(false);
      }),
    );
  }

  /** The document shown. */
  get uri(): vscode.Uri {
    return this.documentUri;
  }

  /** The last render reported for the document shown. */
  get lastReport(): RenderedMessage | undefined {
    return this.latest;
  }

  /** Recent reports and timings (tests, benchmark). */
  history(): { reports: RenderedMessage[]; timings: VersionTiming[]; readyAt?: number; readyCount: number; waitingForReady: boolean } {
    return {
      reports: [...this.reports], timings: [...this.timings.values()], readyCount: this.readyCount, waitingForReady: this.readyTimer !== undefined,
      ...(this.readyAt !== undefined ? { readyAt: this.readyAt } : {}),
    };
  }

  /** Shows `uri` (and the panel, without taking the focus). */
  show(uri: vscode.Uri): void {
    if (uri.toString() !== this.documentUri.toString()) this.switchTo(uri);
    this.panel.reveal(undefined, true);
  }

  /** Resolves with the first report of `version` or later of the document shown (the last one if it already is). */
  whenRendered(version: number, timeoutMs = 30_000): Promise<RenderedMessage> {
    const uri = this.documentUri.toString();
    if (this.latest && this.latest.uri === uri && this.latest.version >= version) return Promise.resolve(this.latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`the preview did not render version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      const subscription = this.onDidRender((report) => {
        if (report.uri !== uri || report.version < version) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(report);
      });
    });
  }

  /** The SVG text, or the PNG as base64, of a diagram as the preview shows it. */
  async exportData(target: DiagramTarget, format: ExportFormat): Promise<string> {
    const answer = await this.request('exported', (requestId, about) => ({ type: 'export', requestId, ...about, target, format }));
    if (answer.error !== undefined || answer.data === undefined) throw new Error(answer.error ?? 'the preview sent no data');
    return answer.data;
  }

  /** Clicks in the page as a user would (tests). */
  testClick(target: TestClickRequest['target']): Promise<TestClickedMessage> {
    return this.request('test-clicked', (requestId, about) => ({ type: 'test-click', requestId, ...about, target }));
  }

  /** Times mermaid alone on `text` in the page (benchmark). */
  benchRender(text: string, runs: number): Promise<BenchRenderedMessage> {
    return this.request('bench-rendered', (requestId, about) => ({ type: 'bench-render', requestId, ...about, text, runs }), 120_000);
  }

  private request<T extends 'exported' | 'test-clicked' | 'bench-rendered'>(
    type: T,
    make: (requestId: number, about: { uri: string; version: number }) => ToWebview,
    timeoutMs = 30_000,
  ): Promise<Answer<T>> {
    const requestId = this.nextRequestId++;
    const version = this.lastSent?.version ?? this.document()?.version ?? 0;
    return new Promise<Answer<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`the preview did not answer (${type}) within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(requestId, {
        type,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as Answer<T>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      void this.panel.webview.postMessage(make(requestId, { uri: this.documentUri.toString(), version }));
    });
  }

  private watchReady(): void {
    this.stopWatchingReady();
    if (!this.panel.visible) return;
    this.readyTimer = setTimeout(() => {
      this.readyTimer = undefined;
      if (!this.disposed && this.panel.visible) this.deps.onStalled(this);
    }, READY_TIMEOUT_MS);
  }

  private stopWatchingReady(): void {
    clearTimeout(this.readyTimer);
    this.readyTimer = undefined;
  }

  private document(): vscode.TextDocument | undefined {
    const key = this.documentUri.toString();
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sendUpdate(true, performance.now());
    }, delayMs);
  }

  /**
   * Sends the document as it is now. `always`: even when this version was sent already (the
   * page reloaded); otherwise only a new version or new problem counts are worth a message.
   */
  private sendUpdate(always: boolean, firedAt?: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const document = this.document();
    if (!document || this.disposed) return;
    const result = this.deps.controller.currentResult(document);
    if (!result) return;
    const counts = countFindings(result.findings);
    const countsKey = `${counts.errors}/${counts.warnings}`;
    if (!always && this.lastSent?.version === document.version && this.lastSent.counts === countsKey) return;
    const core = loadCore();
    const text = document.getText();
    const message: UpdateMessage = {
      type: 'update',
      uri: document.uri.toString(),
      version: document.version,
      fileName: fileName(document.uri),
      header: core.previewHeader(result.model),
      counts: { errors: counts.errors, warnings: counts.warnings },
      timeline: core.buildTimelineView(result.model),
      blocks: core.mermaidSources(result.model, text.split(/\r\n|\r|\n/)),
    };
    if (this.offerDrawnBefore) {
      const drawn = this.deps.drawnBefore.recall(document.uri.toString());
      if (drawn) message.drawnBefore = drawn;
      this.offerDrawnBefore = false;
    }
    this.lastSent = { version: document.version, counts: countsKey };
    if (!this.timings.has(document.version)) {
      this.timings.set(document.version, {
        version: document.version,
        changedAt: this.changedAt.get(document.version),
        ...(firedAt !== undefined ? { firedAt } : {}),
        sentAt: performance.now(),
      });
      this.changedAt.delete(document.version);
      while (this.timings.size > KEPT_REPORTS) this.timings.delete(this.timings.keys().next().value!);
    }
    void this.panel.webview.postMessage(message);
  }

  private onMessage(message: unknown): void {
    if (!isFromWebview(message)) return;
    switch (message.type) {
      case 'ready':
        this.readyAt ??= performance.now();
        this.readyCount++;
        this.stopWatchingReady();
        this.offerDrawnBefore = true;
        return this.sendUpdate(true);
      case 'rendered':
        return this.onRendered(message);
      case 'reveal':
        return void this.reveal(message.uri, message.version, message.line);
      case 'export-click':
        if (message.uri === this.documentUri.toString()) void this.deps.exportDiagram(message.target, message.format);
        return;
      case 'exported':
      case 'test-clicked':
      case 'bench-rendered': {
        const waiting = this.pending.get(message.requestId);
        if (!waiting || waiting.type !== message.type) return;
        this.pending.delete(message.requestId);
        waiting.resolve(message);
        return;
      }
      case 'saved': {
        const saved = savedMessage(message);
        if (saved?.uri === this.documentUri.toString()) this.deps.drawnBefore.update(saved);
        return;
      }
      case 'error':
        this.deps.log.error(`Timeline preview: ${message.message}`);
        return;
    }
  }

  private onRendered(report: RenderedMessage): void {
    // Stale: another document, or older than what was already reported.
    if (report.uri !== this.documentUri.toString()) return;
    if (this.latest && this.latest.uri === report.uri && report.version < this.latest.version) return;
    this.latest = report;
    this.reports.push(report);
    if (this.reports.length > KEPT_REPORTS) this.reports.shift();
    const timing = this.timings.get(report.version);
    if (timing && timing.renderedAt === undefined) {
      timing.renderedAt = performance.now();
      timing.webviewMs = report.finishedAt - report.receivedAt;
      const toHostClock = report.timeOrigin - performance.timeOrigin;
      timing.arrivedAt = report.receivedAt + toHostClock;
      timing.inPageAt = report.finishedAt + toHostClock;
    }
    const document = this.document();
    // Errors are placed by line: publish them only for the text they were found in.
    if (document && document.version === report.version) this.deps.diagnostics.set(document, report.errors);
    if (report.scriptInjected || report.unsafeNodes > 0) {
      this.deps.log.error(`Timeline preview: unsafe content reached the page (script ran: ${report.scriptInjected}, unsafe nodes: ${report.unsafeNodes}).`);
    }
    this.deps.log.trace(`Timeline preview rendered v${report.version} (${report.diagrams.map((d) => `${d.target}: ${d.svg ? `${d.elements} elements` : 'no SVG'}${d.error ? ', error' : ''}`).join('; ')})`);
    this.onDidRenderEmitter.fire(report);
  }

  private async reveal(uri: string, version: number, line: number): Promise<void> {
    const document = this.document();
    if (!document || uri !== document.uri.toString()) return;
    // The line is from what the page shows: after an edit it may no longer be the same line.
    if (version !== document.version) {
      this.deps.log.trace(`Timeline preview: click on v${version} ignored, the document is at v${document.version}`);
      return;
    }
    const at = new vscode.Position(Math.min(Math.max(0, line), document.lineCount - 1), 0);
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      selection: new vscode.Range(at, at),
    });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Follows the active editor to another post-mortem. */
  private follow(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (!document || document.languageId !== 'markdown' || document.uri.toString() === this.documentUri.toString()) return;
    if (!this.deps.controller.currentResult(document)) return;
    this.switchTo(document.uri);
  }

  private switchTo(uri: vscode.Uri): void {
    this.deps.diagnostics.clear(this.documentUri);
    this.documentUri = uri;
    this.latest = undefined;
    this.lastSent = undefined;
    this.offerDrawnBefore = true;
    this.updateTitle();
    this.sendUpdate(true);
  }

  private updateTitle(): void {
    this.panel.title = `Timeline: ${fileName(this.documentUri)}`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.stopWatchingReady();
    this.deps.diagnostics.clear(this.documentUri);
    for (const waiting of this.pending.values()) waiting.reject(new Error('the preview was closed'));
    this.pending.clear();
    this.onDidDisposeEmitter.fire();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** Creates, shows and restores the (single) timeline preview panel. */
export class TimelinePreviewManager implements vscode.Disposable {
  private preview: TimelinePreview | undefined;
  readonly diagnostics: MermaidDiagnostics;
  private readonly drawnBefore = new DrawnDiagrams();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: LintController,
    private readonly log: vscode.LogOutputChannel,
    private readonly exportDiagram: (target: DiagramTarget, format: ExportFormat) => Thenable<unknown>,
  ) {
    this.diagnostics = new MermaidDiagnostics(extensionUri);
  }

  get current(): TimelinePreview | undefined {
    return this.preview;
  }

  /**
   * "Post-Mortem: Open Timeline Preview": the preview of `uri`, else of the active Markdown
   * document, beside it. Lints the document on request when it does not look like a post-mortem.
   */
  async open(uri?: vscode.Uri): Promise<TimelinePreview | undefined> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      if (this.preview) {
        this.preview.panel.reveal(undefined, true);
        return this.preview;
      }
      void vscode.window.showInformationMessage('Open a post-mortem (a Markdown document) to preview its timeline.');
      return undefined;
    }
    if (!this.controller.currentResult(document)) this.controller.lintOnRequest(document);
    if (this.preview) {
      this.preview.show(document.uri);
      return this.preview;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      panelOptions(this.extensionUri),
    );
    return this.adopt(panel, document.uri);
  }

  /** Restores a panel after a window reload (the serializer), from the page's saved state. */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<TimelinePreview> {
    const saved = typeof state === 'object' && state !== null && typeof (state as { uri?: unknown }).uri === 'string' ? (state as { uri: string }).uri : undefined;
    let uri = saved ? vscode.Uri.parse(saved) : vscode.window.activeTextEditor?.document.uri;
    try {
      if (uri) {
        const document = await vscode.workspace.openTextDocument(uri);
        if (!this.controller.currentResult(document)) this.controller.lintOnRequest(document);
      }
    } catch (error) {
      this.log.warn(`Timeline preview: cannot restore ${saved}: ${error instanceof Error ? error.message : String(error)}`);
      uri = undefined;
    }
    this.preview?.dispose();
    return this.adopt(panel, uri ?? vscode.Uri.parse('untitled:Timeline'));
  }

  /** Replaces a panel whose page did not start by a new one in the same place (twice at most in a row). */
  private replaceStalled(stalled: TimelinePreview, attempt: number): void {
    if (this.preview !== stalled) return;
    const column = stalled.panel.viewColumn;
    const uri = stalled.uri;
    this.log.warn(`Timeline preview: the page did not start within ${READY_TIMEOUT_MS} ms${attempt < 2 ? '; opening it again' : ''}.`);
    if (attempt >= 2) return;
    stalled.dispose();
    // A webview created at once can get stuck the same way; the second try waits longer.
    setTimeout(() => {
      if (this.preview) return;
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        'Timeline',
        { viewColumn: column ?? vscode.ViewColumn.Beside, preserveFocus: true },
        panelOptions(this.extensionUri),
      );
      this.adopt(panel, uri, attempt + 1);
    }, attempt === 0 ? 1_000 : 20_000);
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, attempt = 0): TimelinePreview {
    const preview = new TimelinePreview(panel, uri, {
      extensionUri: this.extensionUri,
      controller: this.controller,
      log: this.log,
      diagnostics: this.diagnostics,
      exportDiagram: this.exportDiagram,
      onStalled: (stalled) => this.replaceStalled(stalled, attempt),
      drawnBefore: this.drawnBefore,
    });
    preview.onDidDispose(() => {
      if (this.preview === preview) this.preview = undefined;
    });
    this.preview = preview;
    return preview;
  }

  dispose(): void {
    this.preview?.dispose();
    this.diagnostics.dispose();
  }
}
