import * as vscode from 'vscode';
import { loadCore, type Core } from './coreLoader';
import { DeadlineScheduler, LintDurations } from './deadlineScheduler';
import { toDiagnostic } from './diagnostics';
import { detectPostmortem } from './postmortemDetection';
import { affectsSettings, readSettings } from './settings';

/** Documents of these schemes are views of another document (diffs, output): never linted. */
const IGNORED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'review', 'conflictResolution', 'postmortem-proposed']);

interface TrackedDocument {
  /** One linter per document: it caches the parse of each chunk, so re-linting after an edit is cheap. */
  readonly linter: Core.PostmortemLinter;
  /** How long its re-lints take: a debounced lint starts that much before the debounce ends. */
  readonly durations: LintDurations;
  /** The latest lint, for hovers and code actions; may be newer than what is published. */
  latest?: { version: number; settingsGeneration: number; result: Core.LintResult };
  /** What the Problems panel shows. */
  published?: { version: number; findings: readonly Core.Finding[]; model: Core.PostmortemModel; key: string };
}

/** A lint made to be published, if the document still has that version by then. */
interface PendingPublication {
  readonly tracked: TrackedDocument;
  readonly version: number;
  readonly result: Core.LintResult;
}

export interface Published {
  readonly uri: vscode.Uri;
  readonly findings: readonly Core.Finding[];
  readonly model: Core.PostmortemModel;
}

/**
 * Decides which documents are post-mortems, lints them (on open, on type debounced, on save),
 * and publishes their diagnostics. Results are published only for the document version they were
 * computed from.
 */
export class LintController implements vscode.Disposable {
  private readonly tracked = new Map<string, TrackedDocument>();
  /** Documents linted on request although they do not look like post-mortems, or are very large. */
  private readonly requested = new Set<string>();
  /** Documents over postmortem.lint.maxFileSizeKB the user was told about. */
  private readonly toldTooLarge = new Set<string>();
  /** Documents found not to be post-mortems, with the version and settings checked: hovers and code actions ask often. */
  private readonly notPostmortems = new Map<string, { version: number; settingsGeneration: number }>();
  /** The lint waiting to run, or to be published, for each document (debounce). */
  private readonly scheduler = new DeadlineScheduler();
  private readonly collection = vscode.languages.createDiagnosticCollection('postmortem');
  private readonly shownConfigProblems = new Set<string>();
  private readonly onDidPublishEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when the diagnostics of a document changed (also when they were cleared). */
  readonly onDidPublish = this.onDidPublishEmitter.event;
  /** Bumped when the settings change, so cached results made with the old ones are not reused. */
  private settingsGeneration = 0;
  /** How long the last lints took (ms, at most 100 kept): the benchmark reads them. */
  readonly recentLintMs: number[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.collection,
      this.onDidPublishEmitter,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onDidChange(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsSettings(event)) return;
        this.settingsGeneration++;
        for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
      }),
    );
  }

  /** Lints the documents already open. Deferred so activation itself stays short. */
  start(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** Lints `document` now whatever it looks like, and keeps linting it while it is open. */
  lintOnRequest(document: vscode.TextDocument): Published | undefined {
    this.requested.add(document.uri.toString());
    this.lintNow(document);
    return this.published(document.uri);
  }

  /** What the Problems panel shows for `uri`, if it is a post-mortem. */
  published(uri: vscode.Uri): Published | undefined {
    const published = this.tracked.get(uri.toString())?.published;
    return published && { uri, findings: published.findings, model: published.model };
  }

  /**
   * The lint of the document as it is now, for hovers and code actions. Lints at once when the
   * last result is older (in onSave mode, say) but does not publish it.
   */
  currentResult(document: vscode.TextDocument): Core.LintResult | undefined {
    const tracked = this.track(document);
    return tracked && this.lint(tracked, document).result;
  }

  private onDidChange(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0 || !this.isCandidate(event.document)) return;
    const settings = readSettings(event.document);
    if (settings.run === 'onType') this.schedule(event.document, settings.debounceMs);
  }

  /**
   * (Re)starts the document's debounce: a newer edit replaces the work of an older one. The lint
   * starts early by the time the document's re-lints take, so that its diagnostics are published
   * when the debounce ends (see DeadlineScheduler).
   */
  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!this.isCandidate(document)) return;
    const key = document.uri.toString();
    const leadMs = this.tracked.get(key)?.durations.expectedMs() ?? 0;
    this.scheduler.schedule(key, delayMs, leadMs, () => this.lintForPublication(document), (pending) => this.publishIfCurrent(document, pending));
  }

  private isCandidate(document: vscode.TextDocument): boolean {
    return document.languageId === 'markdown' && !IGNORED_SCHEMES.has(document.uri.scheme) && !document.isClosed;
  }

  /** The document's state when it is a post-mortem (or was asked for), else undefined. */
  private track(document: vscode.TextDocument): TrackedDocument | undefined {
    const key = document.uri.toString();
    const tracked = this.tracked.get(key);
    if (tracked) return tracked;
    if (!this.isCandidate(document) || !this.looksLikePostmortem(document) || this.tooLarge(document)) return undefined;
    const created: TrackedDocument = { linter: new (loadCore().PostmortemLinter)(), durations: new LintDurations() };
    this.tracked.set(key, created);
    return created;
  }

  /**
   * True for a post-mortem over postmortem.lint.maxFileSizeKB that was not asked for: it is not
   * linted automatically (a first lint costs about 1.5 s a megabyte, during which the extension
   * host does nothing else). Says so once per document, with a way to lint it anyway.
   */
  private tooLarge(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    if (this.requested.has(key)) return false;
    const { maxChars } = readSettings(document);
    if (maxChars === 0) return false;
    const chars = document.offsetAt(new vscode.Position(document.lineCount, 0));
    if (chars <= maxChars) return false;
    if (!this.toldTooLarge.has(key)) {
      this.toldTooLarge.add(key);
      const name = vscode.workspace.asRelativePath(document.uri);
      const size = `${(chars / 1024 / 1024).toFixed(1)} MB`;
      this.log.info(`Not linting ${name} automatically: ${size} is over postmortem.lint.maxFileSizeKB (${Math.round(maxChars / 1024)} KB).`);
      void vscode.window
        .showInformationMessage(`Post-Mortem Kit does not lint ${name} as you type: it is ${size}, over the postmortem.lint.maxFileSizeKB setting.`, 'Lint Anyway', 'Open Settings')
        .then((choice) => {
          if (choice === 'Lint Anyway' && !document.isClosed) this.lintOnRequest(document);
          if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'postmortem.lint.maxFileSizeKB');
        });
    }
    return true;
  }

  private looksLikePostmortem(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    if (this.requested.has(key)) return true;
    const checked = this.notPostmortems.get(key);
    if (checked && checked.version === document.version && checked.settingsGeneration === this.settingsGeneration) return false;
    if (detectPostmortem(document, readSettings(document))) {
      this.notPostmortems.delete(key);
      return true;
    }
    this.notPostmortems.set(key, { version: document.version, settingsGeneration: this.settingsGeneration });
    return false;
  }

  private lintNow(document: vscode.TextDocument): void {
    const pending = this.lintForPublication(document);
    if (pending) this.publishIfCurrent(document, pending);
  }

  private lintForPublication(document: vscode.TextDocument): PendingPublication | undefined {
    if (!this.isCandidate(document)) return undefined;
    // Detect again: the document may have become a post-mortem, or stopped being one (front matter edited).
    if (!this.looksLikePostmortem(document)) {
      if (this.tracked.has(document.uri.toString())) this.forget(document.uri);
      return undefined;
    }
    const tracked = this.track(document);
    return tracked && { tracked, ...this.lint(tracked, document) };
  }

  private publishIfCurrent(document: vscode.TextDocument, { tracked, version, result }: PendingPublication): void {
    // Never publish a result for a version the editor no longer shows: the newer edit has its own lint coming.
    if (document.isClosed || document.version !== version || this.tracked.get(document.uri.toString()) !== tracked) return;
    this.reportConfigProblems(result.configProblems);
    this.publish(document, tracked, version, result);
  }

  private lint(tracked: TrackedDocument, document: vscode.TextDocument): { version: number; result: Core.LintResult } {
    const version = document.version;
    const latest = tracked.latest;
    if (latest && latest.version === version && latest.settingsGeneration === this.settingsGeneration) return latest;
    const started = performance.now();
    const result = tracked.linter.lint(document.getText(), { rules: readSettings(document).rules });
    const elapsed = performance.now() - started;
    // The first lint parses everything: only the re-lints after it tell how long the next one takes.
    if (latest) tracked.durations.record(elapsed);
    this.recentLintMs.push(elapsed);
    if (this.recentLintMs.length > 100) this.recentLintMs.shift();
    this.log.trace(`Linted ${vscode.workspace.asRelativePath(document.uri)} v${version} in ${elapsed.toFixed(1)} ms: ${result.findings.length} finding(s)`);
    tracked.latest = { version, settingsGeneration: this.settingsGeneration, result };
    return tracked.latest;
  }

  private publish(document: vscode.TextDocument, tracked: TrackedDocument, version: number, result: Core.LintResult): void {
    const key = publicationKey(result.findings);
    const unchanged = tracked.published?.key === key;
    tracked.published = { version, findings: result.findings, model: result.model, key };
    // Publishing the same diagnostics again would only make the Problems panel flicker.
    if (!unchanged) {
      const core = loadCore();
      this.collection.set(document.uri, result.findings.map((finding) => toDiagnostic(core, this.extensionUri, document, finding)));
    }
    this.onDidPublishEmitter.fire(document.uri);
  }

  private reportConfigProblems(problems: readonly string[]): void {
    const fresh = problems.filter((problem) => !this.shownConfigProblems.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.shownConfigProblems.add(problem);
      this.log.warn(`Setting postmortem.rules: ${problem}`);
    }
    void vscode.window.showWarningMessage(`Post-Mortem Kit: postmortem.rules: ${fresh.join(' ')}`, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'postmortem.rules');
    });
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.scheduler.cancel(key);
    this.requested.delete(key);
    this.toldTooLarge.delete(key);
    this.notPostmortems.delete(key);
    if (!this.tracked.delete(key)) return;
    this.collection.delete(uri);
    this.onDidPublishEmitter.fire(uri);
  }

  dispose(): void {
    this.scheduler.dispose();
    this.tracked.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function publicationKey(findings: readonly Core.Finding[]): string {
  return JSON.stringify(findings.map((f) => [f.ruleId, f.severity, f.message, f.range, f.related]));
}
