import { strict as assert } from 'node:assert';
import { editDistance, LineIndex, quote } from '../../../src/core/gates/text';

describe('gates text helpers', () => {
  describe('LineIndex', () => {
    it('maps offsets to positions with \\n, \\r\\n and \\r line breaks', () => {
      const index = new LineIndex('ab\ncd\r\nef\rg');
      assert.deepEqual(index.position(0), { line: 0, character: 0 });
      assert.deepEqual(index.position(2), { line: 0, character: 2 });
      assert.deepEqual(index.position(3), { line: 1, character: 0 });
      assert.deepEqual(index.position(7), { line: 2, character: 0 });
      assert.deepEqual(index.position(10), { line: 3, character: 0 });
      assert.deepEqual(index.position(11), { line: 3, character: 1 });
    });

    it('clamps offsets outside the text', () => {
      const index = new LineIndex('ab\ncd');
      assert.deepEqual(index.position(-5), { line: 0, character: 0 });
      assert.deepEqual(index.position(99), { line: 1, character: 2 });
      assert.deepEqual(index.position(Number.NaN), { line: 0, character: 0 });
    });

    it('finds the end of a line before its break', () => {
      const index = new LineIndex('ab\r\ncd\nef');
      assert.equal(index.lineEnd(0), 2);
      assert.equal(index.lineEnd(4), 6);
      assert.equal(index.lineEnd(8), 9);
    });
  });

  describe('editDistance', () => {
    it('counts insertions, deletions, substitutions and transpositions', () => {
      assert.equal(editDistance('timeout', 'timeout', 2), 0);
      assert.equal(editDistance('timout', 'timeout', 2), 1);
      assert.equal(editDistance('timeoutt', 'timeout', 2), 1);
      assert.equal(editDistance('tineout', 'timeout', 2), 1);
      assert.equal(editDistance('tiemout', 'timeout', 2), 1);
      assert.equal(editDistance('regoins', 'regions', 2), 1);
      assert.equal(editDistance('durtaoin', 'duration', 2), 2);
    });

    it('stops past the maximum', () => {
      assert.equal(editDistance('color', 'owner', 2), 3);
      assert.equal(editDistance('x'.repeat(1 << 20), 'timeout', 2), 3);
      assert.equal(editDistance('', 'name', 2), 3);
    });
  });

  describe('quote', () => {
    it('quotes, shortens and keeps one line', () => {
      assert.equal(quote('abc'), '"abc"');
      assert.equal(quote('a\nb'), '"a\\nb"');
      assert.equal(quote('x'.repeat(100), 5), '"xxxxx…"');
    });
  });
});
