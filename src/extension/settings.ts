import * as vscode from 'vscode';
import type { Core } from './coreLoader';
import { withDueDaysRule } from '../core/actionItems/config';
import { readActionItemSettings } from './actionItems/settings';

export const SECTION = 'postmortem';

export type LintRun = 'onType' | 'onSave';

/** The `postmortem.*` settings, read for one document (they may differ per workspace folder). */
export interface Settings {
  files: string[];
  heuristic: boolean;
  run: LintRun;
  debounceMs: number;
  /** Characters above which a post-mortem is linted only on request (0: no limit). */
  maxChars: number;
  rules: Core.LintConfig['rules'];
}

export const DEFAULT_FILES = [
  '**/postmortems/**/*.md',
  '**/post-mortems/**/*.md',
  '**/incidents/**/*.md',
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
  '**/*incident-anatomy*.md',
];

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const files = config.get<unknown>('files');
  const debounceMs = config.get<number>('lint.debounceMs', 250);
  const maxKB = config.get<number>('lint.maxFileSizeKB', 2048);
  const rules = config.get<unknown>('rules');
  return {
    files: Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : DEFAULT_FILES,
    heuristic: config.get<boolean>('detection.heuristic', true),
    run: config.get<string>('lint.run') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: Number.isFinite(debounceMs) && debounceMs >= 0 ? debounceMs : 250,
    maxChars: Number.isFinite(maxKB) && maxKB > 0 ? maxKB * 1024 : 0,
    // The core validates the entries (unknown rules, bad levels) and reports them as config problems.
    // PM602 holds due dates to the service level the scaffold uses (postmortem.actionItems.dueDays).
    rules: withDueDaysRule(rules && typeof rules === 'object' && !Array.isArray(rules) ? (rules as Core.LintConfig['rules']) : undefined, readActionItemSettings(scope).dueDays),
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
