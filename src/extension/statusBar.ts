import * as vscode from 'vscode';
import type { Core } from './coreLoader';
import { countFindings } from './diagnostics';
import type { LintController } from './lintController';

/** Error and warning counts and the derived times of the post-mortem in the active editor. */
export class PostmortemStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('postmortem.status', vscode.StatusBarAlignment.Left, 50);
  private visible = false;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly controller: LintController) {
    this.item.name = 'Post-Mortem Kit';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      controller.onDidPublish((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    ];
    this.update();
  }

  /** The text shown, or undefined while hidden (for the integration tests). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const published = document && this.controller.published(document.uri);
    if (!published) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const counts = countFindings(published.findings);
    const times = derivedTimes(published.model.derived);
    this.item.text = [`$(error) ${counts.errors} $(warning) ${counts.warnings}`, ...times.map(([short, , value]) => `${short} ${value}`)].join(' · ');
    const tooltip = new vscode.MarkdownString(
      `**Post-Mortem Kit**: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info\n\n`,
    );
    for (const [, long, value] of times) tooltip.appendMarkdown(`- ${long}: ${value}\n`);
    if (times.length === 0) tooltip.appendMarkdown('The timeline does not give detection, mitigation or resolution times.\n');
    tooltip.appendMarkdown('\nClick to open the Problems panel.');
    this.item.tooltip = tooltip;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function derivedTimes(derived: Core.Derived): [short: string, long: string, value: string][] {
  const times: [string, string, number | undefined][] = [
    ['TTD', 'Time to detect', derived.timeToDetectSeconds],
    ['TTM', 'Time to mitigate', derived.timeToMitigateSeconds],
    ['TTR', 'Time to resolve', derived.timeToResolveSeconds],
  ];
  return times.filter((t): t is [string, string, number] => t[2] !== undefined).map(([s, l, v]) => [s, l, formatDuration(v)]);
}

/** 45s, 15m, 1h 5m: short enough for the status bar. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return `${total}s`;
  if (total < 3600) {
    const rest = total % 60;
    return `${Math.floor(total / 60)}m${rest ? ` ${rest}s` : ''}`;
  }
  const minutes = Math.floor((total % 3600) / 60);
  return `${Math.floor(total / 3600)}h${minutes ? ` ${minutes}m` : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
