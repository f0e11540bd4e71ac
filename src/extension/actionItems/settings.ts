import * as vscode from 'vscode';
import type { Core } from '../coreLoader';

/** The `postmortem.actionItems.*` settings, read for one document. */
export interface ActionItemSettings {
  sectionTitle: string;
  placement: 'afterLessons' | 'end';
  dueDays?: Record<string, number>;
  codeLens: boolean;
}

export function readActionItemSettings(scope?: vscode.ConfigurationScope): ActionItemSettings {
  const config = vscode.workspace.getConfiguration('postmortem.actionItems', scope);
  const title = config.get<unknown>('sectionTitle');
  return {
    sectionTitle: typeof title === 'string' && title.trim() ? title.trim() : 'Action Items',
    placement: config.get<unknown>('placement') === 'end' ? 'end' : 'afterLessons',
    dueDays: readDueDays(config.get<unknown>('dueDays')),
    codeLens: config.get<boolean>('codeLens', true) !== false,
  };
}

/** The scaffold's options from the settings. */
export function scaffoldOptions(settings: ActionItemSettings): Core.ScaffoldOptions {
  return { sectionTitle: settings.sectionTitle, placement: settings.placement, dueDays: settings.dueDays };
}

/** Finite, non-negative numbers by severity; undefined when none (the core's defaults apply). */
function readDueDays(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, number> = {};
  for (const [key, days] of Object.entries(value as Record<string, unknown>)) {
    if (typeof days === 'number' && Number.isFinite(days) && days >= 0) out[key] = Math.floor(days);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
