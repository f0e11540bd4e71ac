import type { MetricCell, MetricRow, MetricTable, PostmortemModel } from '../../model/types.generated';

/** Every row of every metrics table, with its table. */
export function* metricRows(model: PostmortemModel): Generator<{ table: MetricTable; row: MetricRow }> {
  for (const table of model.metricTables) for (const row of table.rows) yield { table, row };
}

/** Every value cell of every metrics table, with its row. */
export function* metricCells(model: PostmortemModel): Generator<{ row: MetricRow; cell: MetricCell }> {
  for (const { row } of metricRows(model)) for (const cell of row.cells) yield { row, cell };
}
