import type { Rule } from './rule';
import { invalidClockTime } from './timestamps/invalidClockTime';
import { timelineOrder } from './timestamps/timelineOrder';
import { eventOutsideWindow } from './timestamps/eventOutsideWindow';
import { durationMismatch } from './timestamps/durationMismatch';
import { phaseOffsetMismatch } from './timestamps/phaseOffsetMismatch';
import { checklistPhaseRanges } from './timestamps/checklistPhaseRanges';
import { mixedTimeZones } from './timestamps/mixedTimeZones';
import { undeclaredTimeZone } from './timestamps/undeclaredTimeZone';
import { metricTableRaggedRow } from './metrics/metricTableRaggedRow';
import { metricValueUnparsed } from './metrics/metricValueUnparsed';
import { metricUnitMismatch } from './metrics/metricUnitMismatch';
import { metricTargetComparator } from './metrics/metricTargetComparator';
import { metricNormalViolatesTarget } from './metrics/metricNormalViolatesTarget';
import { gateYamlSyntax } from './gates/gateYamlSyntax';
import { gateSchema } from './gates/gateSchema';
import { gateDuplicateName } from './gates/gateDuplicateName';
import { gateYaml11Boolean } from './gates/gateYaml11Boolean';
import { gateThresholdMismatch } from './gates/gateThresholdMismatch';
import { costArithmetic } from './costs/costArithmetic';
import { costTotal } from './costs/costTotal';
import { costExpressionUnreadable } from './costs/costExpressionUnreadable';
import { overviewFields } from './structure/overviewFields';
import { requiredSections } from './structure/requiredSections';
import { actionItemPlaceholder } from './action-items/actionItemPlaceholder';
import { actionItemDueDate } from './action-items/actionItemDueDate';
import { actionItemVagueTitle } from './action-items/actionItemVagueTitle';
import { findingWithoutAction } from './action-items/findingWithoutAction';
import { actionItemsTable } from './action-items/actionItemsTable';

/** Every rule, in id order. Adding a rule: one module, one line here, one docs page, two fixtures. */
export const allRules: readonly Rule[] = [
  invalidClockTime,
  timelineOrder,
  eventOutsideWindow,
  durationMismatch,
  phaseOffsetMismatch,
  checklistPhaseRanges,
  mixedTimeZones,
  undeclaredTimeZone,
  metricTableRaggedRow,
  metricValueUnparsed,
  metricUnitMismatch,
  metricTargetComparator,
  metricNormalViolatesTarget,
  gateYamlSyntax,
  gateSchema,
  gateDuplicateName,
  gateYaml11Boolean,
  gateThresholdMismatch,
  costArithmetic,
  costTotal,
  costExpressionUnreadable,
  overviewFields,
  requiredSections,
  actionItemPlaceholder,
  actionItemDueDate,
  actionItemVagueTitle,
  findingWithoutAction,
  actionItemsTable,
];

/** Finds a rule by id (`PM102`) or name (`timeline-order`), case-insensitively. */
export function findRule(idOrName: string): Rule | undefined {
  const key = idOrName.trim().toLowerCase();
  return allRules.find((r) => r.id.toLowerCase() === key || r.name === key);
}
