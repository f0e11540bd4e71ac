/** Action items: read from the table, scaffolded from the lessons, exported to trackers. */
export { extractActionItems, roleOfHeader, rolesOfHeader, type ColumnRole } from './extract';
export {
  scaffoldActionItems, planActionItems, applyTextEdits, DEFAULT_SECTION_TITLE, PLACEHOLDER, STANDARD_COLUMNS,
  type ActionItemsPlacement, type ScaffoldItem, type ScaffoldOptions, type ScaffoldResult,
} from './scaffold';
export { inferActionType, normalizeType, ACTION_ITEM_TYPES, type ActionItemType } from './infer';
export { actionItemsToCsv, actionItemsToChecklist, type ExportOptions } from './export';
export { checkActionTitle, DEFAULT_VAGUE_VERBS } from './verbs';
export { DEFAULT_DUE_DAYS, readDueDays, incidentSeverity, isPlaceholder, covers, significantWords, type DueDays } from './text';
export { withDueDaysRule } from './config';
export { modelOfText } from './model';
