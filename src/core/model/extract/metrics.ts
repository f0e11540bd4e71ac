import { parseQuantity, type Quantity as ParsedQuantity } from '../../parse/quantity';
import type { TableBlock } from '../../parse/blocks';
import type { MetricCell, MetricRow, MetricTable, Quantity } from '../types.generated';
import { classifySection } from '../sections';
import type { ExtractContext } from './context';

const METRIC_HEADER = /^(metrics?|indicators?|kpis?|measures?|measurements?|signals?|slis?|slos?|name|service metric|metrik|m[ée]trique|m[ée]trica)$/i;
const ROLE_PATTERNS: ReadonlyArray<[NonNullable<MetricCell['role']>, RegExp]> = [
  ['target', /target|slo\b|threshold|goal|objective|expected|limit|ziel|objectif|objetivo/i],
  ['peak', /peak|during|impact|worst|max|spike|incident|spitze|pic|pico/i],
  ['normal', /normal|baseline|before|typical|usual|steady|nominal|pre[- ]incident|normalwert|habituel/i],
];

/** Recognises metric tables: a metric column and value columns such as Normal / Peak / Target. */
export function extractMetricTables(ctx: ExtractContext): MetricTable[] {
  const tables: MetricTable[] = [];
  for (const { block, headings, sections } of ctx.entries) {
    if (block.kind !== 'table') continue;
    const section = headings[headings.length - 1]?.text;
    const inMetricsSection = sections.has('metrics');
    if (!isMetricTable(block, inMetricsSection)) continue;
    tables.push(toMetricTable(block, section));
  }
  return tables;
}

function isMetricTable(table: TableBlock, inMetricsSection: boolean): boolean {
  const header = table.rows[0];
  if (!header || header.cells.length < 2) return false;
  if (METRIC_HEADER.test(header.cells[0].text.trim())) return true;
  if (!inMetricsSection) return false;
  // In a metrics section, a table whose value columns are mostly quantities is a metric table.
  const body = table.rows.slice(1);
  let cells = 0;
  let quantities = 0;
  for (const row of body) {
    for (const cell of row.cells.slice(1)) {
      cells++;
      if (parseQuantity(cell.text)) quantities++;
    }
  }
  return cells > 0 && quantities / cells >= 0.5;
}

function toMetricTable(table: TableBlock, section: string | undefined): MetricTable {
  const [header, ...body] = table.rows;
  const columns = header.cells.map((c) => c.text);
  const roles = columns.map(roleOfColumn);
  const rows: MetricRow[] = body.map((row) => {
    const first = row.cells[0];
    const cells: MetricCell[] = row.cells.slice(1).map((cell, i) => {
      const column = columns[i + 1] ?? '';
      const metricCell: MetricCell = { column, text: cell.text, range: cell.range };
      const role = roles[i + 1];
      if (role) metricCell.role = role;
      const quantity = parseQuantity(cell.text);
      if (quantity) metricCell.quantity = toModelQuantity(quantity);
      return metricCell;
    });
    return { metric: first?.text ?? '', range: row.range, metricRange: first?.range ?? row.range, cells };
  });
  const metricTable: MetricTable = { columns, headerCellCount: header.cells.length, rows, range: table.range };
  if (section) metricTable.section = section;
  return metricTable;
}

function roleOfColumn(header: string): MetricCell['role'] | undefined {
  if (!header) return undefined;
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(header)) return role;
  return 'other';
}

/** The model's JSON form of a parsed quantity (NaN becomes null). */
export function toModelQuantity(q: ParsedQuantity): Quantity {
  const out: Quantity = {
    number: Number.isFinite(q.number) ? q.number : null,
    dimension: q.dimension,
    value: Number.isFinite(q.value) ? q.value : null,
  };
  if (q.comparator) out.comparator = q.comparator;
  if (q.scale) out.scale = q.scale;
  if (q.unit) out.unit = q.unit;
  if (q.notApplicable) out.notApplicable = true;
  if (q.note) out.note = q.note;
  return out;
}
