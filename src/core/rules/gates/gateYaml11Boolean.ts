import { gateIssueRule } from './gateIssues';

/** Reports YAML 1.1 booleans (`yes`, `no`, `on`, `off`) that YAML 1.2 reads as strings. */
export const gateYaml11Boolean = gateIssueRule(
  {
    id: 'PM304',
    name: 'gate-yaml11-boolean',
    description: 'Use true/false, not yes/no/on/off, which YAML 1.2 tools read as strings and YAML 1.1 tools as booleans.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  ['yaml11-boolean'],
);
