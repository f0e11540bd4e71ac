import type { RuleSetting } from '../config';

/**
 * Gives PM602 (action-item-due-date) the scaffold's `dueDays` unless the rule has its own, so
 * that one setting decides both the due dates the scaffold writes and the service level the lint
 * holds them to. Returns `rules` itself when there is nothing to add. No imports: the extension's
 * small bundle uses it too.
 */
export function withDueDaysRule(
  rules: Readonly<Record<string, RuleSetting>> | undefined,
  dueDays: Readonly<Record<string, number>> | undefined,
): Record<string, RuleSetting> | undefined {
  if (!dueDays) return rules as Record<string, RuleSetting> | undefined;
  const out: Record<string, RuleSetting> = { ...(rules ?? {}) };
  const key = Object.keys(out).find((k) => ['pm602', 'action-item-due-date'].includes(k.trim().toLowerCase())) ?? 'PM602';
  const setting = out[key];
  if (setting === 'off' || setting === false) return out;
  if (setting && typeof setting === 'object') {
    if (!('dueDays' in setting)) out[key] = { ...setting, dueDays };
  } else if (typeof setting === 'string') {
    out[key] = { severity: setting as 'error', dueDays };
  } else {
    out[key] = { dueDays };
  }
  return out;
}
