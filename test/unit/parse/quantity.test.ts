import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatQuantity, parseQuantity, sameDimension, satisfies, type Quantity } from '../../../src/core/parse/quantity';

function q(text: string): Quantity {
  const parsed = parseQuantity(text);
  assert.ok(parsed, `expected a quantity in ${JSON.stringify(text)}`);
  return parsed;
}

/** The fields a test names, so expectations stay short. */
function pick(quantity: Quantity, keys: readonly (keyof Quantity)[]): Partial<Quantity> {
  const out: Partial<Quantity> = {};
  for (const k of keys) if (quantity[k] !== undefined) (out as Record<string, unknown>)[k] = quantity[k];
  return out;
}

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${actual} ≉ ${expected}`);
}

const KEYS = ['comparator', 'number', 'decimals', 'scale', 'unit', 'dimension', 'currency'] as const;
const MB = 1 << 20;
function repeatTo(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

describe('parse/quantity', () => {
  describe('parseQuantity: the reference Key Metrics table', () => {
    const cells: Array<[string, Partial<Quantity>, number]> = [
      ['95%', { number: 95, decimals: 0, unit: '%', dimension: 'ratio' }, 0.95],
      ['12%', { number: 12, decimals: 0, unit: '%', dimension: 'ratio' }, 0.12],
      ['>90%', { comparator: '>', number: 90, decimals: 0, unit: '%', dimension: 'ratio' }, 0.9],
      ['50ms', { number: 50, decimals: 0, unit: 'ms', dimension: 'time' }, 0.05],
      ['2000ms', { number: 2000, decimals: 0, unit: 'ms', dimension: 'time' }, 2],
      ['<100ms', { comparator: '<', number: 100, decimals: 0, unit: 'ms', dimension: 'time' }, 0.1],
      ['0.01%', { number: 0.01, decimals: 2, unit: '%', dimension: 'ratio' }, 0.0001],
      ['18%', { number: 18, decimals: 0, unit: '%', dimension: 'ratio' }, 0.18],
      ['<0.1%', { comparator: '<', number: 0.1, decimals: 1, unit: '%', dimension: 'ratio' }, 0.001],
      ['120M', { number: 120, decimals: 0, scale: 'M', dimension: 'count' }, 120e6],
      ['98M', { number: 98, decimals: 0, scale: 'M', dimension: 'count' }, 98e6],
      ['>115M', { comparator: '>', number: 115, decimals: 0, scale: 'M', dimension: 'count' }, 115e6],
      ['100MB/s', { number: 100, decimals: 0, unit: 'MB/s', dimension: 'dataRate' }, 100e6],
      ['10GB/s', { number: 10, decimals: 0, unit: 'GB/s', dimension: 'dataRate' }, 10e9],
      ['<200MB/s', { comparator: '<', number: 200, decimals: 0, unit: 'MB/s', dimension: 'dataRate' }, 200e6],
      ['15min', { number: 15, decimals: 0, unit: 'min', dimension: 'time' }, 900],
    ];
    for (const [text, expected, value] of cells) {
      it(`reads ${JSON.stringify(text)}`, () => {
        const parsed = q(text);
        assert.deepEqual(pick(parsed, KEYS), expected);
        close(parsed.value, value);
        assert.deepEqual([parsed.raw, parsed.index, parsed.length], [text, 0, text.length]);
        assert.equal(parsed.notApplicable, undefined);
      });
    }

    it('reads "N/A (rolled back)" as not applicable with a note', () => {
      const parsed = q('N/A (rolled back)');
      assert.equal(parsed.notApplicable, true);
      assert.equal(parsed.note, '(rolled back)');
      assert.ok(Number.isNaN(parsed.value));
      assert.ok(Number.isNaN(parsed.number));
      assert.deepEqual([parsed.raw, parsed.index, parsed.length], ['N/A', 0, 3]);
    });

    it('reads "N/A" as not applicable', () => {
      const parsed = q('N/A');
      assert.equal(parsed.notApplicable, true);
      assert.equal(parsed.note, undefined);
      assert.ok(Number.isNaN(parsed.value));
    });
  });

  describe('parseQuantity: other forms', () => {
    const forms: Array<[string, Partial<Quantity>, number]> = [
      ['≥ 99.9%', { comparator: '>=', number: 99.9, decimals: 1, unit: '%', dimension: 'ratio' }, 0.999],
      ['>= 99.9%', { comparator: '>=', number: 99.9, decimals: 1, unit: '%', dimension: 'ratio' }, 0.999],
      ['<= 200 ms', { comparator: '<=', number: 200, decimals: 0, unit: 'ms', dimension: 'time' }, 0.2],
      ['≤200ms', { comparator: '<=', number: 200, decimals: 0, unit: 'ms', dimension: 'time' }, 0.2],
      ['&lt;100ms', { comparator: '<', number: 100, decimals: 0, unit: 'ms', dimension: 'time' }, 0.1],
      ['=95%', { comparator: '=', number: 95, decimals: 0, unit: '%', dimension: 'ratio' }, 0.95],
      ['~50ms', { comparator: '~', number: 50, decimals: 0, unit: 'ms', dimension: 'time' }, 0.05],
      ['≈ 50 ms', { comparator: '~', number: 50, decimals: 0, unit: 'ms', dimension: 'time' }, 0.05],
      ['2,000 ms', { number: 2000, decimals: 0, unit: 'ms', dimension: 'time' }, 2],
      ['1.2 s', { number: 1.2, decimals: 1, unit: 's', dimension: 'time' }, 1.2],
      ['2s', { number: 2, decimals: 0, unit: 's', dimension: 'time' }, 2],
      ['15 minutes', { number: 15, decimals: 0, unit: 'min', dimension: 'time' }, 900],
      ['30m', { number: 30, decimals: 0, unit: 'min', dimension: 'time' }, 1800],
      ['1h', { number: 1, decimals: 0, unit: 'h', dimension: 'time' }, 3600],
      ['2 hours', { number: 2, decimals: 0, unit: 'h', dimension: 'time' }, 7200],
      ['250µs', { number: 250, decimals: 0, unit: 'µs', dimension: 'time' }, 250e-6],
      ['1,800 nodes', { number: 1800, decimals: 0, unit: 'nodes', dimension: 'count' }, 1800],
      ['47M users', { number: 47, decimals: 0, scale: 'M', unit: 'users', dimension: 'count' }, 47e6],
      ['500 instances', { number: 500, decimals: 0, unit: 'instances', dimension: 'count' }, 500],
      ['30T', { number: 30, decimals: 0, scale: 'T', dimension: 'count' }, 30e12],
      ['400K', { number: 400, decimals: 0, scale: 'K', dimension: 'count' }, 400e3],
      ['10k', { number: 10, decimals: 0, scale: 'K', dimension: 'count' }, 10e3],
      ['2B', { number: 2, decimals: 0, scale: 'B', dimension: 'count' }, 2e9],
      ['1.5 million', { number: 1.5, decimals: 1, scale: 'M', dimension: 'count' }, 1.5e6],
      ['2M req/sec', { number: 2, decimals: 0, scale: 'M', unit: 'req/sec', dimension: 'rate' }, 2e6],
      ['8M events/sec', { number: 8, decimals: 0, scale: 'M', unit: 'events/sec', dimension: 'rate' }, 8e6],
      ['<200K/sec', { comparator: '<', number: 200, decimals: 0, scale: 'K', unit: '/sec', dimension: 'rate' }, 200e3],
      ['<10/min', { comparator: '<', number: 10, decimals: 0, unit: '/min', dimension: 'rate' }, 10 / 60],
      ['1,200 elections/min', { number: 1200, decimals: 0, unit: 'elections/min', dimension: 'rate' }, 20],
      ['5 requests per second', { number: 5, decimals: 0, unit: 'requests/second', dimension: 'rate' }, 5],
      ['300 rps', { number: 300, decimals: 0, unit: 'rps', dimension: 'rate' }, 300],
      ['10x', { number: 10, decimals: 0, unit: 'x', dimension: 'factor' }, 10],
      ['3×', { number: 3, decimals: 0, unit: 'x', dimension: 'factor' }, 3],
      ['2TB', { number: 2, decimals: 0, unit: 'TB', dimension: 'data' }, 2e12],
      ['512 MiB', { number: 512, decimals: 0, unit: 'MiB', dimension: 'data' }, 512 * 1024 ** 2],
      ['100 bytes', { number: 100, decimals: 0, unit: 'B', dimension: 'data' }, 100],
      ['10Gbps', { number: 10, decimals: 0, unit: 'Gbps', dimension: 'dataRate' }, 1.25e9],
      ['1 Gbps', { number: 1, decimals: 0, unit: 'Gbps', dimension: 'dataRate' }, 1.25e8],
      ['100 Mb/s', { number: 100, decimals: 0, unit: 'Mbps', dimension: 'dataRate' }, 12.5e6],
      ['50 MB/sec', { number: 50, decimals: 0, unit: 'MB/s', dimension: 'dataRate' }, 50e6],
      ['99.95 %', { number: 99.95, decimals: 2, unit: '%', dimension: 'ratio' }, 0.9995],
      ['-0.3%', { number: -0.3, decimals: 1, unit: '%', dimension: 'ratio' }, -0.003],
      ['+5%', { number: 5, decimals: 0, unit: '%', dimension: 'ratio' }, 0.05],
      ['−2%', { number: -2, decimals: 0, unit: '%', dimension: 'ratio' }, -0.02],
      ['42', { number: 42, decimals: 0, dimension: 'count' }, 42],
      ['0.5', { number: 0.5, decimals: 1, dimension: 'count' }, 0.5],
      ['$4.2M', { number: 4.2, decimals: 1, scale: 'M', unit: '$', dimension: 'money', currency: 'USD' }, 4.2e6],
      ['€85K', { number: 85, decimals: 0, scale: 'K', unit: '€', dimension: 'money', currency: 'EUR' }, 85e3],
      ['£3k', { number: 3, decimals: 0, scale: 'K', unit: '£', dimension: 'money', currency: 'GBP' }, 3e3],
      ['1,200 USD', { number: 1200, decimals: 0, unit: 'USD', dimension: 'money', currency: 'USD' }, 1200],
      ['USD 1,200', { number: 1200, decimals: 0, unit: 'USD', dimension: 'money', currency: 'USD' }, 1200],
      ['$4.08M/hour', { number: 4.08, decimals: 2, scale: 'M', unit: '$/hour', dimension: 'other', currency: 'USD' }, 4.08e6 / 3600],
      ['$350/hr', { number: 350, decimals: 0, unit: '$/hr', dimension: 'other', currency: 'USD' }, 350 / 3600],
      ['20°C', { number: 20, decimals: 0, unit: '°C', dimension: 'temperature' }, 20],
      ['212°F', { number: 212, decimals: 0, unit: '°F', dimension: 'temperature' }, 100],
      ['at least 5 nodes', { comparator: '>=', number: 5, decimals: 0, unit: 'nodes', dimension: 'count' }, 5],
      ['under 100ms', { comparator: '<', number: 100, decimals: 0, unit: 'ms', dimension: 'time' }, 0.1],
      ['up to 2 hours', { comparator: '<=', number: 2, decimals: 0, unit: 'h', dimension: 'time' }, 7200],
      ['about 50ms', { comparator: '~', number: 50, decimals: 0, unit: 'ms', dimension: 'time' }, 0.05],
    ];
    for (const [text, expected, value] of forms) {
      it(`reads ${JSON.stringify(text)}`, () => {
        const parsed = q(text);
        assert.deepEqual(pick(parsed, KEYS), expected);
        close(parsed.value, value);
        assert.deepEqual([parsed.raw, parsed.index, parsed.length], [text, 0, text.length]);
      });
    }

    it('strips Markdown emphasis, backticks and quotes around the cell', () => {
      for (const [text, raw, index] of [
        ['**>90%**', '>90%', 2],
        ['`50ms`', '50ms', 1],
        ['  *12%*  ', '12%', 3],
        ['__120M__', '120M', 2],
        ['"<200K/sec"', '<200K/sec', 1],
        ["'>90%'", '>90%', 1],
        ['** `95%` **', '95%', 4],
      ] as const) {
        const parsed = q(text);
        assert.deepEqual([parsed.raw, parsed.index, parsed.length], [raw, index, raw.length], text);
      }
    });

    it('keeps a trailing note apart from the quantity', () => {
      assert.deepEqual(pick(q('120M (peak)'), ['raw', 'number', 'note']), { raw: '120M', number: 120, note: '(peak)' });
      assert.deepEqual(pick(q('95% - before the incident'), ['raw', 'note']), { raw: '95%', note: 'before the incident' });
      assert.deepEqual(pick(q('50ms, p99'), ['raw', 'note']), { raw: '50ms', note: 'p99' });
      assert.deepEqual(pick(q('1,800 nodes [approx]'), ['raw', 'unit', 'note']), { raw: '1,800 nodes', unit: 'nodes', note: '[approx]' });
    });

    it('reads every not-applicable marker', () => {
      for (const text of ['N/A', 'n/a', 'NA', 'n.a.', '-', '—', '–', '--', 'none', 'None', 'TBD', 'tbd', 'TBC', '**N/A**']) {
        const parsed = q(text);
        assert.equal(parsed.notApplicable, true, text);
        assert.equal(parsed.dimension, 'other');
        assert.ok(Number.isNaN(parsed.value));
      }
      assert.equal(q('n/a - rolled back').note, 'rolled back');
      assert.equal(q('TBD (pending review)').note, '(pending review)');
    });

    const notQuantities = [
      '',
      '   ',
      '**',
      'EVCache',
      'Rolled back',
      'Cache Hit Rate',
      '1e3',
      '3.2.1',
      'v3.2.1',
      '14:23',
      '2023-12-23',
      '50ms-100ms',
      '2s circuit break',
      '1,800 nodes affected',
      '95%%',
      '<',
      '$',
      '- 5%',
      'p99',
      'N/Aish',
      '5%(x)',
      '10 MB users',
      '100 ms/foo/bar',
      '2K ms',
      '$5 nodes',
    ];
    for (const text of notQuantities) {
      it(`is not a quantity: ${JSON.stringify(text)}`, () => {
        assert.equal(parseQuantity(text), undefined);
      });
    }
  });

  describe('sameDimension', () => {
    const same: Array<[string, string]> = [
      ['95%', '>90%'],
      ['50ms', '<1s'],
      ['15min', '2 hours'],
      ['120M', '>115M'],
      ['100MB/s', '10Gbps'],
      ['1,800 nodes', '>1,700'],
      ['1,800 nodes', '2,000 node'],
      ['2M req/sec', '<3M req/s'],
      ['2M req/sec', '<5M/sec'],
      ['$4.2M', '<$5M'],
      ['$4.08M/hour', '$68K/min'],
      ['10x', '<20x'],
    ];
    for (const [a, b] of same) {
      it(`${a} ~ ${b}`, () => {
        assert.equal(sameDimension(q(a), q(b)), true);
        assert.equal(sameDimension(q(b), q(a)), true);
      });
    }

    const different: Array<[string, string]> = [
      ['95%', '<100ms'],
      ['120M', '100MB/s'],
      ['1,800 nodes', '500 instances'],
      ['2M req/sec', '8M events/sec'],
      ['$4.2M', '€4.2M'],
      ['$4.2M', '4.2M'],
      ['$4.08M/hour', '$4.2M'],
      ['N/A', 'N/A'],
      ['15min', 'N/A'],
      ['2TB', '100MB/s'],
    ];
    for (const [a, b] of different) {
      it(`${a} ≁ ${b}`, () => {
        assert.equal(sameDimension(q(a), q(b)), false);
      });
    }
  });

  describe('satisfies', () => {
    const cases: Array<[string, string, boolean | undefined]> = [
      // The reference table: normal values meet their targets.
      ['95%', '>90%', true],
      ['50ms', '<100ms', true],
      ['0.01%', '<0.1%', true],
      ['120M', '>115M', true],
      ['100MB/s', '<200MB/s', true],
      // ...and the peak values do not.
      ['12%', '>90%', false],
      ['2000ms', '<100ms', false],
      ['18%', '<0.1%', false],
      ['98M', '>115M', false],
      ['10GB/s', '<200MB/s', false],
      // Units convert.
      ['1000ms', '<=1s', true],
      ['1001ms', '<=1s', false],
      ['1s', '<1000ms', false],
      ['1 Gbps', '<200MB/s', true],
      ['2 Gbps', '<200MB/s', false],
      ['90%', '>=90%', true],
      ['90%', '>90%', false],
      ['90.0%', '>= 90%', true],
      // Equality within the written precision of the target.
      ['95%', '=95.0%', true],
      ['95.04%', '=95.0%', true],
      ['95.1%', '=95.0%', false],
      // Approximately: within 10% of the target.
      ['50ms', '~55ms', true],
      ['50ms', '~60ms', false],
      ['48ms', '~50ms', true],
      // No verdict.
      ['15min', 'N/A', undefined],
      ['N/A', '<100ms', undefined],
      ['95%', '<100ms', undefined],
      ['95%', '90%', undefined],
      ['$4.2M', '<€5M', undefined],
    ];
    for (const [value, target, expected] of cases) {
      it(`${value} against ${target} -> ${expected}`, () => {
        assert.equal(satisfies(q(value), q(target)), expected);
      });
    }
  });

  describe('formatQuantity', () => {
    const cases: Array<[string, string]> = [
      ['95%', '95%'],
      ['>90%', '>90%'],
      ['≥ 99.9%', '>=99.9%'],
      ['<= 200 ms', '<=200ms'],
      ['2,000 ms', '2,000ms'],
      ['0.01%', '0.01%'],
      ['120M', '120M'],
      ['100MB/s', '100MB/s'],
      ['10Gbps', '10Gbps'],
      ['15 minutes', '15min'],
      ['1,800 nodes', '1,800 nodes'],
      ['2M req/sec', '2M req/sec'],
      ['<200K/sec', '<200K/sec'],
      ['$4.2M', '$4.2M'],
      ['1,200 USD', '1,200 USD'],
      ['$4.08M/hour', '$4.08M/hour'],
      ['-0.3%', '-0.3%'],
      ['+5%', '+5%'],
      ['~50ms', '~50ms'],
      ['10x', '10x'],
      ['N/A', 'N/A'],
      ['N/A (rolled back)', 'N/A (rolled back)'],
      ['99.90%', '99.90%'],
    ];
    for (const [text, expected] of cases) {
      it(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => {
        assert.equal(formatQuantity(q(text)), expected);
      });
    }

    it('gives text that parses back to the same value', () => {
      for (const text of ['95%', '<100ms', '120M', '10GB/s', '2M req/sec', '$4.2M', '1,800 nodes', '>= 99.9%', '10Gbps', '$4.08M/hour']) {
        const again = q(formatQuantity(q(text)));
        close(again.value, q(text).value);
        assert.equal(again.dimension, q(text).dimension);
        assert.equal(again.comparator, q(text).comparator);
      }
    });
  });

  describe('robustness', function () {
    this.timeout(20000);

    it('never throws, whatever the input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[<>=~≥≤ 0-9.,%$€KMBTkmsbhGpx/*_`N/A()-]*$/)), (s) => {
          const parsed = parseQuantity(s);
          if (parsed) {
            assert.equal(s.slice(parsed.index, parsed.index + parsed.length), parsed.raw);
            formatQuantity(parsed);
            sameDimension(parsed, parsed);
            satisfies(parsed, parsed);
          }
        }),
        { numRuns: 300 },
      );
      for (const bad of [undefined, null, 42, {}, []] as unknown as string[]) assert.equal(parseQuantity(bad), undefined);
      assert.equal(sameDimension(undefined as unknown as Quantity, q('5%')), false);
      assert.equal(satisfies(q('5%'), undefined as unknown as Quantity), undefined);
      assert.equal(formatQuantity(undefined as unknown as Quantity), '');
    });

    describe('runs in linear time on 1 MB of junk', () => {
      const junk: Array<[string, string, Partial<Quantity> | undefined]> = [
        ['digits (too large a number)', repeatTo('7'), undefined],
        ['digits with a unit', `${repeatTo('0', MB - 3)}7ms`, { dimension: 'time', number: 7, unit: 'ms' }],
        ['digits and colons', repeatTo('12:'), undefined],
        ['dollars and ones', repeatTo('$1'), undefined],
        ['spaces', repeatTo(' '), undefined],
        ['emphasis markers', repeatTo('*'), undefined],
        ['balanced emphasis', `${repeatTo('*', MB / 2)}5%${repeatTo('*', MB / 2)}`, { dimension: 'ratio', unit: '%' }],
        ['comparators', repeatTo('<'), undefined],
        ['thousands groups (too large a number)', `1${',000'.repeat(MB / 4)}`, undefined],
        ['thousands groups', `${'1,000'.repeat(MB / 5)}`, undefined],
        ['decimals', `0.${repeatTo('5', MB - 2)}`, { dimension: 'count', decimals: MB - 2 }],
        ['a long unit word', `5 ${repeatTo('a', MB - 2)}`, undefined],
        ['parentheses', `5% ${repeatTo('(', MB - 3)}`, { dimension: 'ratio' }],
        ['dashes', repeatTo(' - '), { notApplicable: true, raw: '-' }],
      ];
      for (const [name, text, expected] of junk) {
        it(`on ${name}`, () => {
          const parsed = parseQuantity(text);
          if (expected === undefined) assert.equal(parsed, undefined);
          else {
            assert.ok(parsed);
            for (const [k, v] of Object.entries(expected)) assert.equal(parsed[k as keyof Quantity], v, k);
          }
        });
      }
    });
  });
});
