import type { Metadata } from '../../model/types.generated';
import type { Rule } from '../rule';

const FIELD_NAMES: Record<keyof Metadata, string> = {
  date: 'Date', start: 'Start', end: 'End', duration: 'Duration', timeZone: 'Time zone', severity: 'Severity', status: 'Status',
  impact: 'Impact', revenueLoss: 'Revenue Loss', rootCause: 'Root Cause', incidentId: 'Incident ID', authors: 'Authors', type: 'Type',
};

export const DEFAULT_REQUIRED_FIELDS: readonly string[] = ['date', 'impact', 'rootCause'];

/** Reports overview fields the team requires but the document lacks. Option `required`: field names. */
export const overviewFields: Rule = {
  id: 'PM501',
  name: 'overview-fields',
  description: 'The overview must state the required fields (by default Date, Impact and Root Cause); configurable with the option "required".',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, options, report }) {
    const required = Array.isArray(options.required) ? (options.required as unknown[]).map(String) : DEFAULT_REQUIRED_FIELDS;
    const anchor = model.sections.find((s) => s.kind === 'overview')?.range ?? model.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const name of required) {
      const alternatives = name.split('|') as (keyof Metadata)[];
      if (alternatives.some((field) => model.metadata[field])) continue;
      const label = alternatives.map((f) => FIELD_NAMES[f] ?? f).join(' or ');
      report({ message: `The overview has no ${label}; expected a line such as "**${FIELD_NAMES[alternatives[0]] ?? alternatives[0]}**: ..." or a front matter key.`, range: anchor });
    }
  },
};
