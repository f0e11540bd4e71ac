import { findCostExpression, findMoney, type MoneyAmount } from '../../parse/money';
import type { CostItem, CostTotal, Costs, Money } from '../types.generated';
import { classifySection } from '../sections';
import { spanOn, type ExtractContext } from './context';
import { parseKeyValueLine } from './keyValue';

const TOTAL = /\btotal\b|\bgesamt|\bsumme\b/i;

/** Cost items (`**Label**: $3.2M (47 min × $4.08M/hour)`) and totals of the cost sections. */
export function extractCosts(ctx: ExtractContext): Costs {
  const items: CostItem[] = [];
  const totals: CostTotal[] = [];
  for (const { block, headings, sections } of ctx.entries) {
    const inCosts = sections.has('costs');
    if (block.kind === 'heading') {
      // "### Total Incident Cost: ~$4.2M", or "### Total: $400K" under "## Cost Analysis".
      if ((classifySection(block.text) === 'costs' || inCosts) && TOTAL.test(block.text)) {
        const line = block.range.start.line;
        const text = ctx.lines[line] ?? '';
        const money = findMoney(text);
        if (money) totals.push({ label: block.text.replace(/[:\s]*[~≈]?\s*[$€£].*$/, '').trim(), amount: toMoney(money, line, 0), range: block.range });
      }
      continue;
    }
    if (!inCosts) continue;
    if (block.kind !== 'listItem' && block.kind !== 'paragraph') continue;
    const nearest = headings[headings.length - 1]?.text ?? '';
    const category: CostItem['category'] = /\bindirect\b/i.test(nearest) ? 'indirect' : /\bdirect\b/i.test(nearest) ? 'direct' : 'other';
    const lastLine = block.kind === 'listItem' ? block.range.start.line : block.range.end.line;
    for (let line = block.range.start.line; line <= lastLine; line++) {
      const text = ctx.lines[line] ?? '';
      const kv = parseKeyValueLine(text);
      const label = kv?.key ?? '';
      const valueStart = kv?.valueStart ?? 0;
      const value = kv ? kv.value : text;
      const money = findMoney(value);
      // An item states its amount first: "**SLA Credits**: $450K to ...". Money further in the
      // text ("-0.3% ($1.2B of market cap)", "approved up to $500K") is not an itemized cost.
      if (!money || !kv || !/^[\s~≈]*(?:(?:approx\.?|about|est\.?|estimated|ca\.?)\s*)?$/i.test(value.slice(0, money.index))) continue;
      const amount = toMoney(money, line, valueStart);
      const lineRange = spanOn(line, 0, text.length);
      if (TOTAL.test(label)) {
        totals.push({ label, amount, range: lineRange });
        continue;
      }
      const item: CostItem = { label, category, amount, range: lineRange };
      const afterAmount = value.slice(money.index + money.length);
      const expression = findCostExpression(afterAmount);
      if (expression) {
        const offset = valueStart + money.index + money.length;
        item.expression = { text: expression.raw, range: spanOn(line, offset + expression.index, expression.length) };
        if (expression.error) item.expression.error = expression.error;
        else if (expression.currency && expression.currency !== money.currency) {
          item.expression.error = `the expression is in ${expression.currency} but the amount in ${money.currency}`;
        } else if (expression.value !== undefined) item.expression.value = expression.value;
      }
      items.push(item);
    }
  }
  return { items, totals };
}

function toMoney(money: MoneyAmount, line: number, offset: number): Money {
  return {
    raw: money.raw,
    value: money.value,
    currency: money.currency,
    approximate: money.approximate,
    range: spanOn(line, offset + money.index, money.length),
  };
}
