import { cellPlain } from './text';

/** The kinds of action item (Google SRE book style). */
export type ActionItemType = 'prevent' | 'detect' | 'mitigate' | 'process';

export const ACTION_ITEM_TYPES: readonly ActionItemType[] = ['prevent', 'detect', 'mitigate', 'process'];

/**
 * Keywords by type: word starts, matched at a word boundary. The type's own name (prevent,
 * detect, mitigate) counts double.
 */
const KEYWORDS: Readonly<Record<ActionItemType, readonly string[]>> = {
  prevent: [
    'prevent', 'avoid', 'validat', 'verif', 'check', 'test', 'canary', 'canaries', 'gate', 'gating', 'compatib', 'lint',
    'guard', 'enforce', 'registry', 'negotiat', 'version', 'isolat', 'chaos', 'fuzz', 'pre-deploy', 'predeploy',
    'pipeline', 'staging', 'safeguard', 'approval', 'quota', 'lower bound', 'upper bound', 'schema', 'contract',
    'capacity planning', 'load test', 'progressive', 'code review', 'static analysis', 'type check', 'freeze',
  ],
  detect: [
    'detect', 'alert', 'monitor', 'dashboard', 'observab', 'paging', 'pager', 'metric', 'slo', 'sli', 'logging',
    'tracing', 'anomal', 'probe', 'synthetic', 'telemetry', 'instrument', 'notif', 'visibility', 'health check',
  ],
  mitigate: [
    'mitigat', 'rollback', 'roll back', 'roll-back', 'revert', 'failover', 'fail over', 'circuit breaker', 'timeout',
    'retry', 'retries', 'backoff', 'back-off', 'throttl', 'rate limit', 'rate-limit', 'shed', 'fallback', 'degrad',
    'kill switch', 'feature flag', 'recover', 'restore', 'drain', 'autoscal', 'redundan', 'blast radius', 'bulkhead',
    'cache warm', 'warm-up', 'load balanc',
  ],
  process: [
    'process', 'playbook', 'runbook', 'training', 'train ', 'drill', 'document', 'docs', 'communicat', 'escalat',
    'on-call', 'oncall', 'rotation', 'postmortem', 'post-mortem', 'policy', 'policies', 'schedule', 'dirt', 'game day',
    'gameday', 'exercise', 'handoff', 'hand-off', 'checklist', 'onboard', 'ownership', 'status page', 'war room',
  ],
};

const OWN_NAME: Readonly<Record<ActionItemType, RegExp>> = {
  prevent: /\bprevent/i,
  detect: /\bdetect/i,
  mitigate: /\bmitigat/i,
  process: /\bprocess\b/i,
};

/**
 * The type an action's wording makes clear, or undefined when it does not: no keyword, or as
 * many keywords of two types. Deterministic and cheap.
 */
export function inferActionType(text: string): ActionItemType | undefined {
  const plain = ` ${cellPlain(text).toLowerCase()} `;
  const scores = ACTION_ITEM_TYPES.map((type) => {
    let score = OWN_NAME[type].test(plain) ? 1 : 0;
    for (const keyword of KEYWORDS[type]) {
      const at = plain.indexOf(keyword);
      if (at >= 0 && !/[\p{L}\p{N}]/u.test(plain[at - 1] ?? ' ')) score++;
    }
    return score;
  });
  const best = Math.max(...scores);
  if (best === 0) return undefined;
  if (scores.filter((s) => s === best).length > 1) return undefined;
  return ACTION_ITEM_TYPES[scores.indexOf(best)];
}

/** A type cell as one of the four types, when it is one (`Prevent`, `prevention`, `detection`...). */
export function normalizeType(cell: string | undefined): ActionItemType | undefined {
  const plain = cellPlain(cell ?? '').toLowerCase();
  if (/^prevent/.test(plain)) return 'prevent';
  if (/^detect/.test(plain)) return 'detect';
  if (/^mitigat/.test(plain)) return 'mitigate';
  if (/^process/.test(plain)) return 'process';
  return undefined;
}
