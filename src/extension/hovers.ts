import * as vscode from 'vscode';
import type { Core } from './coreLoader';
import { toRange } from './diagnostics';
import type { LintController } from './lintController';

/** What the model knows about the timestamp or metric value under the cursor. */
export class PostmortemHovers implements vscode.HoverProvider {
  constructor(private readonly controller: LintController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const model = this.controller.currentResult(document)?.model;
    if (!model) return undefined;
    return timelineHover(model, position) ?? metricHover(model, position);
  }
}

function timelineHover(model: Core.PostmortemModel, position: vscode.Position): vscode.Hover | undefined {
  const event = model.timeline.find((e) => toRange(e.timeRange).contains(position));
  if (!event) return undefined;
  const start = model.derived.startEvent !== undefined ? model.timeline[model.derived.startEvent] : undefined;
  const startText = start ? ` (${withZone(start.raw, start.zone)})` : '';
  const lines = [`**${withZone(event.raw, event.zone)}**${event.title ? ` · ${escapeMarkdown(event.title)}` : ''}`];
  if (event.invalid) lines.push(`Not a valid time: ${event.invalid}`);
  else if (event.offsetSeconds === undefined) lines.push('The incident start is not known, so neither is the offset.');
  else if (event.offsetSeconds === 0) lines.push(`T+0: the incident start${startText}`);
  else lines.push(`${offsetLabel(event.offsetSeconds)} ${event.offsetSeconds > 0 ? 'after' : 'before'} the start${startText}`);
  if (event.phase) {
    const phase = model.phases.find((p) => p.name === event.phase);
    lines.push(`Phase: ${phase && phase.label !== phase.name ? `${phase.name} (${phase.label})` : event.phase}`);
  }
  return new vscode.Hover(new vscode.MarkdownString(lines.join('\n\n')), toRange(event.timeRange));
}

function metricHover(model: Core.PostmortemModel, position: vscode.Position): vscode.Hover | undefined {
  for (const table of model.metricTables) {
    if (!toRange(table.range).contains(position)) continue;
    for (const row of table.rows) {
      const cell = row.cells.find((c) => toRange(c.range).contains(position));
      if (!cell) continue;
      const text = describeCell(row.metric, cell);
      return text ? new vscode.Hover(new vscode.MarkdownString(text), toRange(cell.range)) : undefined;
    }
  }
  return undefined;
}

const BASE_UNITS: Record<Core.Quantity['dimension'], string> = {
  ratio: 'as a fraction',
  time: 'seconds',
  count: 'count',
  money: 'currency units',
  data: 'bytes',
  dataRate: 'bytes per second',
  bitRate: 'bits per second',
  rate: 'per second',
  factor: 'times',
  temperature: 'degrees',
  other: '',
};

const COMPARATORS: Record<NonNullable<Core.Quantity['comparator']>, string> = {
  '<': 'below',
  '<=': 'at most',
  '>': 'above',
  '>=': 'at least',
  '=': 'exactly',
  '~': 'about',
};

function describeCell(metric: string, cell: Core.MetricCell): string | undefined {
  const quantity = cell.quantity;
  if (!quantity) return undefined;
  const heading = `**${escapeMarkdown(metric)}** · ${escapeMarkdown(cell.column)}: ${escapeMarkdown(cell.text)}`;
  if (quantity.notApplicable) return `${heading}\n\nNot applicable${quantity.note ? ` (${escapeMarkdown(quantity.note)})` : ''}`;
  const facts: string[] = [];
  if (quantity.value !== undefined && quantity.value !== null) {
    const unit = BASE_UNITS[quantity.dimension];
    facts.push(`Value: ${quantity.comparator ? `${COMPARATORS[quantity.comparator]} ` : ''}${formatNumber(quantity.value)}${unit ? ` (${unit})` : ''}`);
  }
  facts.push(`Dimension: ${quantity.dimension}`);
  if (quantity.unit) facts.push(`Unit: \`${quantity.unit}\``);
  if (quantity.scale) facts.push(`Scale: ${quantity.scale}`);
  if (quantity.comparator) facts.push(`Comparator: \`${quantity.comparator}\``);
  if (quantity.note) facts.push(`Note: ${escapeMarkdown(quantity.note)}`);
  return `${heading}\n\n${facts.map((fact) => `- ${fact}`).join('\n')}`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toPrecision(12)));
}

/** Text from the document shown as is, not as Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, '\\$&');
}

function withZone(time: string, zone: string | undefined): string {
  return zone ? `${time} ${zone}` : time;
}

/** `T+15 min`, `T+45 s`, `T+1 h 5 min`: the way post-mortems label phases. */
export function offsetLabel(seconds: number): string {
  const sign = seconds < 0 ? '−' : '+';
  let rest = Math.abs(Math.round(seconds));
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (secs || parts.length === 0) parts.push(`${secs} s`);
  return `T${sign}${parts.join(' ')}`;
}
