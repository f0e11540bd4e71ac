import { gateIssueRule } from './gateIssues';

/** Reports gates that break the deployment gates schema: unknown keys, wrong types, bad durations. */
export const gateSchema = gateIssueRule(
  {
    id: 'PM302',
    name: 'gate-schema',
    description: 'Deployment gates must follow schemas/deployment-gates.schema.json: known keys, right types, durations such as 60s, 30m, 1h.',
    defaultSeverity: 'error',
    fixable: true,
  },
  ['unknown-key', 'type', 'duration', 'missing-key', 'criterion'],
);
