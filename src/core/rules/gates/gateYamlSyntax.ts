import { gateIssueRule } from './gateIssues';

/** Reports YAML syntax errors in a deployment gates block, at their exact position. */
export const gateYamlSyntax = gateIssueRule(
  {
    id: 'PM301',
    name: 'gate-yaml-syntax',
    description: 'A deployment_gates block must be valid YAML.',
    defaultSeverity: 'error',
    fixable: false,
  },
  ['syntax'],
);
