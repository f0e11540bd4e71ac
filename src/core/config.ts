import { allRules, findRule } from './rules';
import type { Rule, Severity } from './rules/rule';

export type RuleLevel = Severity | 'off';

/** A rule's setting: a level, or an object with a level and the rule's options. */
export type RuleSetting = RuleLevel | boolean | ({ severity?: RuleLevel } & Record<string, unknown>);

/** The configuration of a lint run (`.pmkitrc.json`, `--config`, or the `postmortem.rules` setting). */
export interface LintConfig {
  /** By rule id or name. */
  rules?: Record<string, RuleSetting>;
}

export interface ResolvedRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

const LEVELS: readonly string[] = ['error', 'warning', 'info', 'off'];

/** The rules to run with their severities and options; `problems` lists settings that make no sense. */
export function resolveConfig(config: LintConfig | undefined): { rules: ResolvedRule[]; problems: string[] } {
  const problems: string[] = [];
  const settings = new Map<Rule, { level?: RuleLevel; options: Record<string, unknown> }>();
  for (const [key, setting] of Object.entries(config?.rules ?? {})) {
    const rule = findRule(key);
    if (!rule) {
      problems.push(`Unknown rule "${key}" in the configuration; expected a rule id such as PM102 or a name such as timeline-order.`);
      continue;
    }
    if (typeof setting === 'boolean') {
      settings.set(rule, { level: setting ? undefined : 'off', options: {} });
    } else if (typeof setting === 'string') {
      const level = setting.toLowerCase() === 'warn' ? 'warning' : setting.toLowerCase();
      if (!LEVELS.includes(level)) problems.push(`Rule "${key}": unknown level "${setting}"; expected error, warning, info or off.`);
      else settings.set(rule, { level: level as RuleLevel, options: {} });
    } else if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
      const { severity, ...options } = setting;
      const level = typeof severity === 'string' ? (severity.toLowerCase() === 'warn' ? 'warning' : severity.toLowerCase()) : undefined;
      if (level !== undefined && !LEVELS.includes(level)) problems.push(`Rule "${key}": unknown severity "${String(severity)}"; expected error, warning, info or off.`);
      settings.set(rule, { level: level as RuleLevel | undefined, options });
    } else {
      problems.push(`Rule "${key}": expected a level ("error", "warning", "info", "off") or an object.`);
    }
  }
  const rules: ResolvedRule[] = [];
  for (const rule of allRules) {
    const setting = settings.get(rule);
    const level = setting?.level ?? rule.defaultSeverity;
    if (level === 'off') continue;
    rules.push({ rule, severity: level, options: setting?.options ?? {} });
  }
  return { rules, problems };
}
