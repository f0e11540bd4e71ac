import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IncrementalMarkdownParser, parseMarkdown, parseWithoutChunks } from '../../../src/core/parse/markdown';
import { splitIntoChunks } from '../../../src/core/parse/chunks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { referencePath, repoRoot } from '../helpers';

function fixtureDocuments(): [string, string][] {
  const docs: [string, string][] = [['reference', readFileSync(referencePath, 'utf8')]];
  for (const file of readdirSync(join(repoRoot, 'test', 'fixtures', 'shapes'))) docs.push([file, readFileSync(join(repoRoot, 'test', 'fixtures', 'shapes', file), 'utf8')]);
  for (const rule of readdirSync(join(repoRoot, 'test', 'fixtures', 'rules'))) {
    for (const file of ['ok.md', 'not-ok.md']) docs.push([`${rule}/${file}`, readFileSync(join(repoRoot, 'test', 'fixtures', 'rules', rule, file), 'utf8')]);
  }
  return docs;
}

describe('chunked parsing', () => {
  it('reads the same text as plain remark-gfm although the autolink transform is dropped', () => {
    const full = unified().use(remarkParse).use(remarkGfm);
    const texts = [
      'See https://status.example.com/incidents/42, www.example.com/_a_b_ and oncall@example.com.',
      '- 14:05 paged sre@example.com (https://pager.example.com/x?y=1&z=_2_)',
      '| Link | Note |\n|---|---|\n| <https://x.example/a> | http://a.example/*b* |',
      '**Runbook**: [cache](https://wiki.example.com/cache) or https://wiki.example.com/cache~old~',
    ];
    for (const text of texts) {
      const expected = full.parse(text).children.map((node) => toString(node));
      const blocks = parseMarkdown(text).blocks;
      const ours = blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text).join('')).join('') : 'text' in b ? b.text : ''));
      assert.deepEqual(ours.map((t) => t.replace(/\s+/g, '')), expected.map((t) => t.replace(/\s+/g, '')), text);
    }
  });

  it('gives the same blocks as one remark parse of the whole document, on every fixture', () => {
    for (const [name, text] of fixtureDocuments()) {
      assert.deepEqual(parseMarkdown(text).blocks, parseWithoutChunks(text), name);
    }
  });

  it('cuts a long table into pieces and joins them back into one table', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `| m${i} | ${i}ms | \`x\\|y\` | **<${i + 1}ms** |`);
    const text = ['# Metrics', '', '| Metric | Normal | Peak | Target |', '|---|---|---|---|', ...rows, '', 'After.'].join('\n');
    const chunks = splitIntoChunks(text.split('\n'));
    assert.ok(chunks.filter((c) => c.tableContinuation).length >= 5);
    const blocks = parseMarkdown(text).blocks;
    assert.deepEqual(blocks, parseWithoutChunks(text));
    const table = blocks.find((b) => b.kind === 'table');
    assert.equal(table?.kind === 'table' && table.rows.length, 501);
  });

  it('hands out the same joined long table again after an edit elsewhere, a new one after an edit in it', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `| 10:${String(i % 60).padStart(2, '0')} | step ${i} |`);
    const lines = ['# Timeline', '', 'Prose.', '', '| Time | Event |', '|---|---|', ...rows, '', 'After.'];
    const parser = new IncrementalMarkdownParser();
    const tableOf = (text: string) => parser.parse(text).blocks.find((b) => b.kind === 'table');
    const first = tableOf(lines.join('\n'));
    const prose = [...lines];
    prose[2] = 'Prose, edited.';
    assert.equal(tableOf(prose.join('\n')), first);
    const row = [...prose];
    row[300] = '| 11:00 | step edited |';
    const edited = tableOf(row.join('\n'));
    assert.notEqual(edited, first);
    assert.deepEqual(edited, parseWithoutChunks(row.join('\n')).find((b) => b.kind === 'table'));
  });

  it('covers every line exactly once, whatever the input', () => {
    const inputs = ['', '\n\n', '```\nunclosed', '---\ntitle: x\n---\n# A', 'x'.repeat(10_000), Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i % 300)}- ${i}`).join('\n')];
    for (const text of inputs) {
      const lines = text.split('\n');
      const chunks = splitIntoChunks(lines);
      let next = 0;
      for (const chunk of chunks) {
        assert.equal(chunk.startLine, next);
        next += chunk.lineCount;
      }
      assert.equal(next, lines.length);
    }
  });

  it('re-parses only the chunks an edit touched, and reuses every block but the edited one', () => {
    const text = readFileSync(referencePath, 'utf8');
    const parser = new IncrementalMarkdownParser();
    const before = parser.parse(text).blocks;
    const edited = text.replace('Cache Hit Rate | 95%', 'Cache Hit Rate | 96%');
    const after = parser.parse(edited).blocks;
    const editedLine = edited.split('\n').findIndex((l) => l.includes('Cache Hit Rate | 96%'));
    const chunk = splitIntoChunks(edited.split('\n')).find((c) => c.startLine <= editedLine && editedLine < c.startLine + c.lineCount)!;
    const inChunk = (line: number) => chunk.startLine <= line && line < chunk.startLine + chunk.lineCount;
    assert.equal(after.length, before.length);
    const blocksInChunk = after.filter((block) => inChunk(block.range.start.line));
    assert.ok(blocksInChunk.length >= 3, 'the edited chunk holds other blocks than the table');
    for (const block of after) {
      const edited = block.range.start.line <= editedLine && editedLine <= block.range.end.line;
      assert.equal(before.includes(block), !edited, `block at line ${block.range.start.line} reused unless the edit is in it`);
    }

  });
});
