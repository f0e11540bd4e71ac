import type { SectionKind } from '../../model/types.generated';
import type { Rule } from '../rule';

export const DEFAULT_REQUIRED_SECTIONS: readonly string[] = ['timeline', 'lessons|action-items'];

const SECTION_NAMES: Partial<Record<SectionKind, string>> = {
  timeline: 'Timeline', lessons: 'Lessons Learned', 'action-items': 'Action Items', 'root-cause': 'Root Cause', impact: 'Impact',
  overview: 'Overview', findings: 'Findings', metrics: 'Key Metrics', costs: 'Cost Analysis', references: 'References',
};

/** Reports sections the team requires but the document lacks. Option `sections`: kinds, `a|b` for either. */
export const requiredSections: Rule = {
  id: 'PM502',
  name: 'required-sections',
  description: 'The document must have the required sections (by default a timeline and lessons learned or action items); configurable with the option "sections".',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, options, report }) {
    const required = Array.isArray(options.sections) ? (options.sections as unknown[]).map(String) : DEFAULT_REQUIRED_SECTIONS;
    const present = new Set<string>(model.sections.map((s) => s.kind));
    if (model.timeline.length > 0) present.add('timeline');
    const anchor = model.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const entry of required) {
      const kinds = entry.split('|');
      if (kinds.some((k) => present.has(k))) continue;
      const names = kinds.map((k) => `"${SECTION_NAMES[k as SectionKind] ?? k}"`).join(' or ');
      report({ message: `The document has no ${names} section; expected a heading such as ## ${SECTION_NAMES[kinds[0] as SectionKind] ?? kinds[0]}.`, range: anchor });
    }
  },
};
