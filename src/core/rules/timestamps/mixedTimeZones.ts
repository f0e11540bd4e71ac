import { zoneOffsetMinutes } from '../../parse/time';
import type { Rule } from '../rule';

/** Reports timestamps written in a zone other than the document's. */
export const mixedTimeZones: Rule = {
  id: 'PM107',
  name: 'mixed-time-zones',
  description: 'All timeline times should be in one time zone, the one the document declares.',
  category: 'timestamps',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, build, report }) {
    const declared = build.declaredZone;
    const explicit = [...build.eventsWithExplicitZone].map((i) => model.timeline[i]).filter((e) => e?.zone);
    const reference = declared?.zone ?? explicit[0]?.zone;
    if (!reference) return;
    const referenceOffset = zoneOffsetMinutes(reference);
    const referenceRange = declared?.range ?? explicit[0]?.timeRange;
    for (const event of explicit) {
      const offset = event.utcOffsetMinutes ?? zoneOffsetMinutes(event.zone!);
      const same = offset !== undefined && referenceOffset !== undefined ? offset === referenceOffset : sameZoneFamily(event.zone!, reference);
      if (same) continue;
      report({
        message: `Time ${event.raw} is in ${event.zone}, but the document's times are in ${reference}; expected ${reference} throughout (or convert this time).`,
        range: event.timeRange,
        related: referenceRange ? [{ range: referenceRange, message: declared ? `The declared zone, ${reference}.` : `The first zone used, ${reference}.` }] : undefined,
      });
    }
  },
};

/** "PT" covers PST and PDT, "ET" EST and EDT...: a zone written without its daylight-saving form. */
const FAMILIES: Record<string, readonly string[]> = {
  PT: ['PST', 'PDT'], MT: ['MST', 'MDT'], CT: ['CST', 'CDT'], ET: ['EST', 'EDT'], AKT: ['AKST', 'AKDT'],
  CET: ['CEST'], EET: ['EEST'], WET: ['WEST'], GMT: ['BST', 'UTC'], UTC: ['GMT', 'Z'],
};

function sameZoneFamily(a: string, b: string): boolean {
  const [x, y] = [a.toUpperCase(), b.toUpperCase()];
  return x === y || (FAMILIES[x]?.includes(y) ?? false) || (FAMILIES[y]?.includes(x) ?? false);
}
