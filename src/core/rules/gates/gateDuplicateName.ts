import { gateIssueRule } from './gateIssues';

/** Reports two gates with the same name. */
export const gateDuplicateName = gateIssueRule(
  {
    id: 'PM303',
    name: 'gate-duplicate-name',
    description: 'Each deployment gate must have a unique name.',
    defaultSeverity: 'error',
    fixable: false,
  },
  ['duplicate-name'],
);
