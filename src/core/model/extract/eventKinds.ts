import type { TimelineEvent } from '../types.generated';

/**
 * What an event's text says it is: the detection, a mitigation, the resolution. Computed once per
 * extracted event (events of unchanged timeline tables keep theirs between lints).
 */
const DETECTION = /\b(detect(ed|ion)?|alert(s|ed)?|paged|pager|page|pagerduty|opsgenie|alarm|noticed|reported|monitor(ing)? fired|on-?call|first (alert|report|signal))\b/i;
const MITIGATION = /\b(mitigat\w*|roll(ed)? ?back|rollback|revert(ed)?|failover|fail(ed)? over|shed\w*|workaround|drain(ed)?|disable[ds]?|feature flag|hotfix|restart(ed)?|scal(ed|ing) up)\b/i;
const RESOLUTION = /\b(resolved|full(y)? recover\w*|all clear|incident closed|closed|back to normal|restored|recovered)\b/i;
const PARTIAL = /\bpartial(ly)?\b/i;

export const DETECTS = 1;
export const MITIGATES = 2;
export const RESOLVES = 4;
const PARTIAL_TITLE = 8;
const kindsCache = new Map<string, number>();

/** The kinds (DETECTS | MITIGATES | RESOLVES) an event's title and details name. */
export function kindsOfEvent(event: TimelineEvent): number {
  let kinds = kindsOfText(event.title);
  for (const detail of event.details) kinds |= kindsOfText(detail);
  // "Partial recovery" is not the resolution, whatever its details say.
  return kinds & PARTIAL_TITLE ? kinds & ~RESOLVES : kinds;
}

/** The kinds one text names, cached: titles and details repeat across lints and across events. */
function kindsOfText(text: string): number {
  let kinds = kindsCache.get(text);
  if (kinds === undefined) {
    kinds = (DETECTION.test(text) ? DETECTS : 0) | (MITIGATION.test(text) ? MITIGATES : 0) | (RESOLUTION.test(text) ? RESOLVES : 0) | (PARTIAL.test(text) ? PARTIAL_TITLE : 0);
    if (kindsCache.size > 50_000) kindsCache.clear();
    kindsCache.set(text, kinds);
  }
  return kinds;
}
