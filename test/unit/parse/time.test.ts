import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  findDeclaredZone,
  findLeadingTimestamp,
  findTimestamps,
  formatClock,
  formatDuration,
  parseClockRange,
  parseDateText,
  parseDuration,
  parsePhaseOffset,
  parsePhaseRange,
  zoneOffsetMinutes,
  type ParsedTimestamp,
} from '../../../src/core/parse/time';

const REFERENCE = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'incident-anatomy-evcache.md'), 'utf8');

/** Seconds since midnight of a clock written HH:MM[:SS]. */
function sod(clock: string): number {
  const [h, m, s] = clock.split(':').map(Number);
  return h! * 3600 + m! * 60 + (s ?? 0);
}

/** The fields of a timestamp that a test names, so expectations stay short. */
function pick(ts: ParsedTimestamp | undefined, keys: readonly (keyof ParsedTimestamp)[]): Partial<ParsedTimestamp> | undefined {
  if (!ts) return undefined;
  const out: Partial<ParsedTimestamp> = {};
  for (const k of keys) if (ts[k] !== undefined) (out as Record<string, unknown>)[k] = ts[k];
  return out;
}

/** index/length must locate raw in the input. */
function assertLocated(text: string, ts: { raw: string; index: number; length: number }): void {
  assert.equal(ts.raw.length, ts.length);
  assert.equal(text.slice(ts.index, ts.index + ts.length), ts.raw);
}

const MB = 1 << 20;
function repeatTo(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

describe('parse/time', () => {
  describe('findLeadingTimestamp', () => {
    const KEYS = ['raw', 'index', 'date', 'secondOfDay', 'hasSeconds', 'zone', 'utcOffsetMinutes', 'invalid'] as const;
    const cases: Array<[string, Partial<ParsedTimestamp>]> = [
      ['14:23', { raw: '14:23', index: 0, secondOfDay: sod('14:23'), hasSeconds: false }],
      ['14:23:00', { raw: '14:23:00', index: 0, secondOfDay: sod('14:23'), hasSeconds: true }],
      ['9:05', { raw: '9:05', index: 0, secondOfDay: sod('9:05'), hasSeconds: false }],
      ['00:00', { raw: '00:00', index: 0, secondOfDay: 0, hasSeconds: false }],
      ['23:59:59', { raw: '23:59:59', index: 0, secondOfDay: 86399, hasSeconds: true }],
      ['24:00', { raw: '24:00', index: 0, secondOfDay: 86400, hasSeconds: false }],
      ['14:23:00.123', { raw: '14:23:00.123', index: 0, secondOfDay: sod('14:23') + 0.123, hasSeconds: true }],
      ['14:23:00,5', { raw: '14:23:00,5', index: 0, secondOfDay: sod('14:23') + 0.5, hasSeconds: true }],
      ['2:23 PM', { raw: '2:23 PM', index: 0, secondOfDay: sod('14:23'), hasSeconds: false }],
      ['2:23pm', { raw: '2:23pm', index: 0, secondOfDay: sod('14:23'), hasSeconds: false }],
      ['2 PM', { raw: '2 PM', index: 0, secondOfDay: sod('14:00'), hasSeconds: false }],
      ['2pm', { raw: '2pm', index: 0, secondOfDay: sod('14:00'), hasSeconds: false }],
      ['12:05 a.m.', { raw: '12:05 a.m.', index: 0, secondOfDay: sod('00:05'), hasSeconds: false }],
      ['12:05 PM', { raw: '12:05 PM', index: 0, secondOfDay: sod('12:05'), hasSeconds: false }],
      ['11:59:30 P.M.', { raw: '11:59:30 P.M.', index: 0, secondOfDay: sod('23:59:30'), hasSeconds: true }],
      ['2023-12-23T14:23:00Z', { raw: '2023-12-23T14:23:00Z', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: true, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['2023-12-23T14:23:00+02:00', { raw: '2023-12-23T14:23:00+02:00', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: true, zone: '+02:00', utcOffsetMinutes: 120 }],
      ['2023-12-23T14:23:00-05:00', { raw: '2023-12-23T14:23:00-05:00', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: true, zone: '-05:00', utcOffsetMinutes: -300 }],
      ['2023-12-23T14:23Z', { raw: '2023-12-23T14:23Z', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['2023-12-23T14:23:00.250Z', { raw: '2023-12-23T14:23:00.250Z', index: 0, date: '2023-12-23', secondOfDay: sod('14:23') + 0.25, hasSeconds: true, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['2023-12-23T14:23:00+0530', { raw: '2023-12-23T14:23:00+0530', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: true, zone: '+05:30', utcOffsetMinutes: 330 }],
      ['2023-12-23 14:23 UTC', { raw: '2023-12-23 14:23 UTC', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['2023-12-23 14:23:00-05:00', { raw: '2023-12-23 14:23:00-05:00', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: true, zone: '-05:00', utcOffsetMinutes: -300 }],
      ['Dec 23 14:23', { raw: 'Dec 23 14:23', index: 0, secondOfDay: sod('14:23'), hasSeconds: false }],
      ['December 23, 2023 14:23 UTC', { raw: 'December 23, 2023 14:23 UTC', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['December 23, 2023 at 2:23 PM PST', { raw: 'December 23, 2023 at 2:23 PM PST', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false, zone: 'PST', utcOffsetMinutes: -480 }],
      ['23 Dec 2023, 14:23', { raw: '23 Dec 2023, 14:23', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false }],
      ['23-Dec-2023 14:23:05', { raw: '23-Dec-2023 14:23:05', index: 0, date: '2023-12-23', secondOfDay: sod('14:23:05'), hasSeconds: true }],
      ['2023/12/23 14:23', { raw: '2023/12/23 14:23', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false }],
      ['23.12.2023 14:23', { raw: '23.12.2023 14:23', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false }],
      ['Sat, 23 Dec 2023 14:23:00 +0000', { raw: 'Sat, 23 Dec 2023 14:23:00 +0000', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: true, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['Sat Dec 23 14:23:00 UTC 2023', { raw: 'Sat Dec 23 14:23:00 UTC 2023', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: true, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['23. Dezember 2023 um 14:23', { raw: '23. Dezember 2023 um 14:23', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false }],
      ['23 décembre 2023 à 14h23', { raw: '23 décembre 2023 à 14h23', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false }],
      ['23 de diciembre de 2023 a las 14:23', { raw: '23 de diciembre de 2023 a las 14:23', index: 0, date: '2023-12-23', secondOfDay: sod('14:23'), hasSeconds: false }],
      ['2023-12-23', { raw: '2023-12-23', index: 0, date: '2023-12-23', hasSeconds: false }],
      ['December 23, 2023', { raw: 'December 23, 2023', index: 0, date: '2023-12-23', hasSeconds: false }],
      // Zones after the time
      ['14:23 UTC', { raw: '14:23 UTC', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['14:23 utc', { raw: '14:23 utc', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['14:23 GMT', { raw: '14:23 GMT', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'GMT', utcOffsetMinutes: 0 }],
      ['14:23Z', { raw: '14:23Z', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['14:23:00Z', { raw: '14:23:00Z', index: 0, secondOfDay: sod('14:23'), hasSeconds: true, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['14:23 CET', { raw: '14:23 CET', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'CET', utcOffsetMinutes: 60 }],
      ['14:23 CEST', { raw: '14:23 CEST', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'CEST', utcOffsetMinutes: 120 }],
      ['14:23 PST', { raw: '14:23 PST', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'PST', utcOffsetMinutes: -480 }],
      ['14:23 EDT', { raw: '14:23 EDT', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'EDT', utcOffsetMinutes: -240 }],
      ['14:23 IST', { raw: '14:23 IST', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'IST', utcOffsetMinutes: 330 }],
      ['14:23 JST', { raw: '14:23 JST', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'JST', utcOffsetMinutes: 540 }],
      ['14:23 AEST', { raw: '14:23 AEST', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'AEST', utcOffsetMinutes: 600 }],
      ['14:23 BST', { raw: '14:23 BST', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'BST', utcOffsetMinutes: 60 }],
      ['14:23 PT', { raw: '14:23 PT', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'PT' }],
      ['14:23 +02:00', { raw: '14:23 +02:00', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: '+02:00', utcOffsetMinutes: 120 }],
      ['14:23+02:00', { raw: '14:23+02:00', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: '+02:00', utcOffsetMinutes: 120 }],
      ['14:23 +0200', { raw: '14:23 +0200', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: '+02:00', utcOffsetMinutes: 120 }],
      ['14:23 -0500', { raw: '14:23 -0500', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: '-05:00', utcOffsetMinutes: -300 }],
      ['14:23 UTC+2', { raw: '14:23 UTC+2', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: '+02:00', utcOffsetMinutes: 120 }],
      ['14:23 UTC-8', { raw: '14:23 UTC-8', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: '-08:00', utcOffsetMinutes: -480 }],
      ['14:23 UTC+05:30', { raw: '14:23 UTC+05:30', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: '+05:30', utcOffsetMinutes: 330 }],
      ['14:23 UTC+0', { raw: '14:23 UTC+0', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['14:23 (UTC)', { raw: '14:23 (UTC)', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'UTC', utcOffsetMinutes: 0 }],
      ['14:23 (UTC+1)', { raw: '14:23 (UTC+1)', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: '+01:00', utcOffsetMinutes: 60 }],
      ['2:23 PM PST', { raw: '2:23 PM PST', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'PST', utcOffsetMinutes: -480 }],
      // Other languages' clocks
      ['14h23', { raw: '14h23', index: 0, secondOfDay: sod('14:23'), hasSeconds: false }],
      ['9h05', { raw: '9h05', index: 0, secondOfDay: sod('9:05'), hasSeconds: false }],
      ['14h23m', { raw: '14h23m', index: 0, secondOfDay: sod('14:23'), hasSeconds: false }],
      ['14.23 Uhr', { raw: '14.23 Uhr', index: 0, secondOfDay: sod('14:23'), hasSeconds: false }],
      ['14:23 Uhr', { raw: '14:23 Uhr', index: 0, secondOfDay: sod('14:23'), hasSeconds: false }],
      ['14 Uhr', { raw: '14 Uhr', index: 0, secondOfDay: sod('14:00'), hasSeconds: false }],
      ['14:23 Uhr MEZ', { raw: '14:23 Uhr MEZ', index: 0, secondOfDay: sod('14:23'), hasSeconds: false, zone: 'MEZ', utcOffsetMinutes: 60 }],
    ];
    for (const [text, expected] of cases) {
      it(`reads ${JSON.stringify(text)}`, () => {
        const ts = findLeadingTimestamp(text);
        assert.ok(ts, `no timestamp in ${text}`);
        assert.deepEqual(pick(ts, KEYS), expected);
        assertLocated(text, ts);
      });
    }

    it('returns the full shape, with monthDay for written dates', () => {
      assert.deepEqual(findLeadingTimestamp('2023-12-23T14:23:00Z rollout'), {
        raw: '2023-12-23T14:23:00Z',
        index: 0,
        length: 20,
        date: '2023-12-23',
        monthDay: '12-23',
        secondOfDay: 51780,
        hasSeconds: true,
        zone: 'UTC',
        utcOffsetMinutes: 0,
      });
      assert.deepEqual(findLeadingTimestamp('14:23 Deployment initiated'), { raw: '14:23', index: 0, length: 5, secondOfDay: 51780, hasSeconds: false });
      assert.deepEqual(pick(findLeadingTimestamp('Dec 23 14:23'), ['monthDay', 'date']), { monthDay: '12-23' });
    });

    const prefixed: Array<[string, string, number]> = [
      ['- 14:23 Alert', '14:23', 2],
      ['* 14:23 Alert', '14:23', 2],
      ['+ 14:23 Alert', '14:23', 2],
      ['1. 14:23 Alert', '14:23', 3],
      ['12) 14:23 Alert', '14:23', 4],
      ['- [x] 14:23 Alert', '14:23', 6],
      ['- [ ] 14:23 Alert', '14:23', 6],
      ['**14:23** - Alert', '14:23', 2],
      ['- **14:23 UTC**: Alert', '14:23 UTC', 4],
      ['*14:23* Alert', '14:23', 1],
      ['_14:23_ Alert', '14:23', 1],
      ['__14:23__ Alert', '14:23', 2],
      ['[14:23] Alert', '14:23', 1],
      ['(14:23) Alert', '14:23', 1],
      ['`14:23:00` Alert', '14:23:00', 1],
      ['   14:23 Alert', '14:23', 3],
      ['\t- `[14:23]` Alert', '14:23', 5],
      ['> 14:23 quote', '14:23', 2],
      ['| 14:23 | row |', '14:23', 2],
      ['### 14:23 heading', '14:23', 4],
      ['1. **2023-12-23 14:23 UTC** Alert', '2023-12-23 14:23 UTC', 5],
    ];
    for (const [text, raw, index] of prefixed) {
      it(`skips the prefix in ${JSON.stringify(text)}`, () => {
        const ts = findLeadingTimestamp(text);
        assert.ok(ts);
        assert.equal(ts.raw, raw);
        assert.equal(ts.index, index);
        assertLocated(text, ts);
      });
    }

    const impossible: Array<[string, string]> = [
      ['25:10', 'hour 25 is out of range (00-23)'],
      ['14:61', 'minute 61 is out of range (00-59)'],
      ['14:23:75', 'second 75 is out of range (00-59)'],
      ['24:30', 'hour 24 is only valid as 24:00'],
      ['99:99 weird', 'hour 99 is out of range (00-23)'],
      ['13:05 PM', 'hour 13 is out of range for a 12-hour clock (1-12)'],
      ['0:30 AM', 'hour 0 is out of range for a 12-hour clock (1-12)'],
      ['- **25:10** Alert', 'hour 25 is out of range (00-23)'],
      ['2023-02-30 10:00', 'day 30 is out of range for February 2023 (1-28)'],
      ['2023-13-01 10:00', 'month 13 is out of range (01-12)'],
    ];
    for (const [text, message] of impossible) {
      it(`returns ${JSON.stringify(text)} with invalid set`, () => {
        const ts = findLeadingTimestamp(text);
        assert.ok(ts);
        assert.equal(ts.invalid, message);
        assertLocated(text, ts);
      });
    }

    it('keeps written values as best effort when invalid', () => {
      const ts = findLeadingTimestamp('25:10');
      assert.equal(ts?.secondOfDay, 25 * 3600 + 600);
      assert.equal(findLeadingTimestamp('2023-02-30 10:00')?.date, '2023-02-30');
    });

    const notTimestamps = [
      '',
      '   ',
      '3:1 ratio',
      '1:200',
      '16:9',
      'v3.2.1',
      '3.2.1',
      '10.0.0.1',
      '2023',
      'T+5min',
      'T+0: Detection',
      'p99: 50ms',
      '50ms',
      '3.2M',
      '2000ms',
      'fe80::1',
      '2001:db8::1',
      '::1',
      '12:34::1',
      '10:20:30:40',
      'http://atlas-api.netflix.internal:8080/v1',
      'localhost:8080',
      'Dec 23',
      'Day 2',
      '14.23',
      '14h',
      '123:45',
      '14:234',
      '14:23abc',
      '14:23.5',
      'INC-2023-12-23-001',
      '2023-12-23-001',
      'Alert at 14:23',
      '$14:23',
      '2 amps',
      '5 pmx',
    ];
    for (const text of notTimestamps) {
      it(`finds nothing at the start of ${JSON.stringify(text)}`, () => {
        assert.equal(findLeadingTimestamp(text), undefined);
      });
    }
  });

  describe('findTimestamps', () => {
    it('finds every clock of the reference document, in order', () => {
      const found = findTimestamps(REFERENCE);
      assert.deepEqual(
        found.map((t) => t.raw),
        [
          'December 23, 2023',
          '14:23',
          '15:10 UTC',
          '14:23 UTC',
          '14:23:00',
          '14:23:45',
          '14:24:15',
          '14:28:00',
          '14:30:00',
          '14:33:00',
          '14:38:00',
          '14:41:00',
          '14:45:00',
          '14:58:00',
          '15:05:00',
          '15:10:00',
          '2023-12-23T14:00:00Z',
          '2023-12-23T15:00:00Z',
        ],
      );
      for (const ts of found) {
        assertLocated(REFERENCE, ts);
        assert.equal(ts.invalid, undefined);
      }
    });

    it('finds clocks in prose, in mermaid labels and in ranges', () => {
      const text = 'Start[14:23:00<br/>Deploy] then 14:23-15:10, and at 2 PM PST; 2023-12-23T14:23Z.';
      assert.deepEqual(
        findTimestamps(text).map((t) => [t.raw, t.secondOfDay]),
        [
          ['14:23:00', sod('14:23')],
          ['14:23', sod('14:23')],
          ['15:10', sod('15:10')],
          ['2 PM PST', sod('14:00')],
          ['2023-12-23T14:23Z', sod('14:23')],
        ],
      );
    });

    it('reads the same formats as findLeadingTimestamp', () => {
      for (const text of ['December 23, 2023 14:23 UTC', '23 Dec 2023, 14:23', '2023/12/23 14:23', '14.23 Uhr', '9h05', '12:05 a.m.', '14:23 (UTC)', 'Sat Dec 23 14:23:00 UTC 2023']) {
        const found = findTimestamps(`Seen ${text}.`);
        assert.equal(found.length, 1, text);
        assert.deepEqual(found[0], { ...findLeadingTimestamp(text)!, index: 5 });
      }
    });

    it('needs word boundaries around a bare clock', () => {
      for (const text of ['v14:23', 'a14:23', '114:23', '1.14:23', ':14:23', '14:23:45:67', '14:231', 'host:8080', 'UTC+05:30', 'GMT-08:00', 'p99: 50ms', '3.2.1', 'build 10.0.0.1', 'T+5min', 'ratio 3:1', '1:200 scale']) {
        assert.deepEqual(findTimestamps(text), [], text);
      }
    });

    it('reports impossible values only when something else says "time"', () => {
      assert.deepEqual(findTimestamps('score 99:99 and 25:10 later'), []);
      assert.deepEqual(
        findTimestamps('at 14:23:75, 25:10 UTC, 13:05 PM and 2023-02-30 10:00').map((t) => [t.raw, t.invalid]),
        [
          ['14:23:75', 'second 75 is out of range (00-59)'],
          ['25:10 UTC', 'hour 25 is out of range (00-23)'],
          ['13:05 PM', 'hour 13 is out of range for a 12-hour clock (1-12)'],
          ['2023-02-30 10:00', 'day 30 is out of range for February 2023 (1-28)'],
        ],
      );
    });

    it('leaves out 14h23m (reads as a duration in prose) but keeps 14h23', () => {
      assert.deepEqual(findTimestamps('took 1h30m, resumed at 14h23').map((t) => t.raw), ['14h23']);
    });

    it('returns full dates alone but not month-day alone, nor references', () => {
      assert.deepEqual(findTimestamps('On December 23, 2023 we shipped; Dec 24 was quiet.').map((t) => t.raw), ['December 23, 2023']);
      assert.deepEqual(findTimestamps('Internal Incident Report: INC-2023-12-23-001, CE-2024-001'), []);
    });

    it('returns an empty list for text without times', () => {
      assert.deepEqual(findTimestamps(''), []);
      assert.deepEqual(findTimestamps('EVCache v3.2.1 rolled out to 6 regions at 10Gbps'), []);
    });
  });

  describe('parseDateText', () => {
    const dates: Array<[string, string, boolean, number, number]> = [
      ['December 23, 2023', '2023-12-23', true, 0, 17],
      ['Dec 23, 2023', '2023-12-23', true, 0, 12],
      ['Dec. 23, 2023', '2023-12-23', true, 0, 13],
      ['December 23rd, 2023', '2023-12-23', true, 0, 19],
      ['23 December 2023', '2023-12-23', true, 0, 16],
      ['23 Dec 2023', '2023-12-23', true, 0, 11],
      ['2023-12-23', '2023-12-23', true, 0, 10],
      ['2023/12/23', '2023-12-23', true, 0, 10],
      ['23.12.2023', '2023-12-23', true, 0, 10],
      ['1.2.2024', '2024-02-01', true, 0, 8],
      ['23. Dezember 2023', '2023-12-23', true, 0, 17],
      ['23. Dez. 2023', '2023-12-23', true, 0, 13],
      ['3. März 2024', '2024-03-03', true, 0, 12],
      ['23 décembre 2023', '2023-12-23', true, 0, 16],
      ['1er janvier 2024', '2024-01-01', true, 0, 16],
      ['15 août 2023', '2023-08-15', true, 0, 12],
      ['23 de diciembre de 2023', '2023-12-23', true, 0, 23],
      ['5 ene 2024', '2024-01-05', true, 0, 10],
      ['Saturday, December 23, 2023', '2023-12-23', true, 0, 27],
      ['Sat, 23 Dec 2023', '2023-12-23', true, 0, 16],
      ['samedi 23 décembre 2023', '2023-12-23', true, 0, 23],
      ['Samstag, 23. Dezember 2023', '2023-12-23', true, 0, 26],
      ['sábado, 23 de diciembre de 2023', '2023-12-23', true, 0, 31],
      ['**Date**: December 23, 2023', '2023-12-23', true, 10, 17],
      ['Dec 23', '2000-12-23', false, 0, 6],
      ['December 23rd', '2000-12-23', false, 0, 13],
      ['23 Dec', '2000-12-23', false, 0, 6],
      ['Feb 29', '2000-02-29', false, 0, 6],
      ['February 29, 2024', '2024-02-29', true, 0, 17],
    ];
    for (const [text, date, yearKnown, index, length] of dates) {
      it(`reads ${JSON.stringify(text)}`, () => {
        assert.deepEqual(parseDateText(text), { date, index, length, yearKnown });
      });
    }

    const notDates = ['we set 3 flags', 'Day 2', 'Feb 30, 2023', '2023-02-29', '2023-13-01', '31.04.2023', 'February 29, 2023', 'Last Updated: January 2024', '2023', 'v3.2.1', '10.0.0.1', 'INC-2023-12-23-001', 'May the force', 'Mon', '', '14:23', 'T+5min'];
    for (const text of notDates) {
      it(`finds no date in ${JSON.stringify(text)}`, () => {
        assert.equal(parseDateText(text), undefined);
      });
    }

    it('skips an impossible date and finds the next one', () => {
      assert.deepEqual(parseDateText('not Feb 30, 2023 but Mar 1, 2023'), { date: '2023-03-01', index: 21, length: 11, yearKnown: true });
    });
  });

  describe('parseDuration', () => {
    const durations: Array<[string, number, string, number]> = [
      ['47 minutes', 2820, '47 minutes', 0],
      ['47 min', 2820, '47 min', 0],
      ['47m', 2820, '47m', 0],
      ['47min', 2820, '47min', 0],
      ['47 mins', 2820, '47 mins', 0],
      ['1h 5m', 3900, '1h 5m', 0],
      ['1h5m', 3900, '1h5m', 0],
      ['1h30m', 5400, '1h30m', 0],
      ['1 hour 5 minutes', 3900, '1 hour 5 minutes', 0],
      ['1 hour and 5 minutes', 3900, '1 hour and 5 minutes', 0],
      ['1 hr, 5 min', 3900, '1 hr, 5 min', 0],
      ['2 hours', 7200, '2 hours', 0],
      ['1.5h', 5400, '1.5h', 0],
      ['0.1h', 360, '0.1h', 0],
      ['45 seconds', 45, '45 seconds', 0],
      ['45s', 45, '45s', 0],
      ['90 sec', 90, '90 sec', 0],
      ['2 days', 172800, '2 days', 0],
      ['3d 4h', 273600, '3d 4h', 0],
      ['2 weeks', 1209600, '2 weeks', 0],
      ['500ms', 0.5, '500ms', 0],
      ['47 Minuten', 2820, '47 Minuten', 0],
      ['2 heures', 7200, '2 heures', 0],
      ['a 47-minute outage', 2820, '47-minute', 2],
      ['**Duration**: 47 minutes (14:23 - 15:10 UTC)', 2820, '47 minutes', 14],
      ['Detection within 45 seconds of issue start', 45, '45 seconds', 17],
      ['Rollback decision made quickly (15 min)', 900, '15 min', 32],
      ['1,200 minutes', 72000, '1,200 minutes', 0],
    ];
    for (const [text, seconds, raw, index] of durations) {
      it(`reads ${JSON.stringify(text)}`, () => {
        assert.deepEqual(parseDuration(text), { seconds, index, length: raw.length, raw });
      });
    }

    it('stops at a component that does not get smaller', () => {
      assert.deepEqual(parseDuration('5m 1h'), { seconds: 300, index: 0, length: 2, raw: '5m' });
    });

    const notDurations = ['', '14:23 - 15:10', '1:05:00', 'T+5min', 'T + 15 min', 'T-5m', '5M users', '47 months', '2 datasets', 'p99', 'v1.5h', 'Day 2', '3.2M'];
    for (const text of notDurations) {
      it(`finds no duration in ${JSON.stringify(text)}`, () => {
        assert.equal(parseDuration(text), undefined);
      });
    }
  });

  describe('parseClockRange', () => {
    it('reads "14:23 - 15:10 UTC" and applies the zone to both ends', () => {
      const r = parseClockRange('14:23 - 15:10 UTC');
      assert.ok(r);
      assert.equal(r.zone, 'UTC');
      assert.deepEqual(pick(r.start, ['raw', 'index', 'secondOfDay', 'zone', 'utcOffsetMinutes']), { raw: '14:23', index: 0, secondOfDay: sod('14:23'), zone: 'UTC', utcOffsetMinutes: 0 });
      assert.deepEqual(pick(r.end, ['raw', 'index', 'secondOfDay', 'zone', 'utcOffsetMinutes']), { raw: '15:10 UTC', index: 8, secondOfDay: sod('15:10'), zone: 'UTC', utcOffsetMinutes: 0 });
    });

    const ranges: Array<[string, string, string, number, number, string | undefined]> = [
      ['14:23–15:10', '14:23', '15:10', sod('14:23'), sod('15:10'), undefined],
      ['14:23-15:10', '14:23', '15:10', sod('14:23'), sod('15:10'), undefined],
      ['14:23 — 15:10', '14:23', '15:10', sod('14:23'), sod('15:10'), undefined],
      ['14:23 to 15:10 UTC', '14:23', '15:10 UTC', sod('14:23'), sod('15:10'), 'UTC'],
      ['14:23 until 15:10 CET', '14:23', '15:10 CET', sod('14:23'), sod('15:10'), 'CET'],
      ['14:23 → 15:10', '14:23', '15:10', sod('14:23'), sod('15:10'), undefined],
      ['from 14:23 bis 15:10 Uhr', '14:23', '15:10 Uhr', sod('14:23'), sod('15:10'), undefined],
      ['2:23 PM - 3:10 PM PST', '2:23 PM', '3:10 PM PST', sod('14:23'), sod('15:10'), 'PST'],
      ['2:23 - 3:10 PM', '2:23', '3:10 PM', sod('14:23'), sod('15:10'), undefined],
      ['11:30 - 1:00 PM', '11:30', '1:00 PM', sod('11:30'), sod('13:00'), undefined],
      ['2 - 3 PM', '2', '3 PM', sod('14:00'), sod('15:00'), undefined],
      ['(14:23 - 15:10 UTC)', '14:23', '15:10 UTC', sod('14:23'), sod('15:10'), 'UTC'],
      ['**Duration**: 47 minutes (14:23 - 15:10 UTC)', '14:23', '15:10 UTC', sod('14:23'), sod('15:10'), 'UTC'],
      ['14:23 UTC - 15:10', '14:23 UTC', '15:10', sod('14:23'), sod('15:10'), 'UTC'],
      ['23:50 - 00:15 UTC', '23:50', '00:15 UTC', sod('23:50'), sod('00:15'), 'UTC'],
      ['2023-12-23 22:50 UTC – 2023-12-24 00:15 UTC', '2023-12-23 22:50 UTC', '2023-12-24 00:15 UTC', sod('22:50'), sod('00:15'), 'UTC'],
    ];
    for (const [text, startRaw, endRaw, start, end, zone] of ranges) {
      it(`reads ${JSON.stringify(text)}`, () => {
        const r = parseClockRange(text);
        assert.ok(r, text);
        assert.equal(r.start.raw, startRaw);
        assert.equal(r.end.raw, endRaw);
        assert.equal(r.start.secondOfDay, start);
        assert.equal(r.end.secondOfDay, end);
        assert.equal(r.zone, zone);
        assertLocated(text, r.start);
        assertLocated(text, r.end);
      });
    }

    it('keeps the dates of dated ends', () => {
      const r = parseClockRange('2023-12-23 22:50 UTC – 2023-12-24 00:15 UTC');
      assert.equal(r?.start.date, '2023-12-23');
      assert.equal(r?.end.date, '2023-12-24');
    });

    it('leaves zone unset when the ends are in different zones', () => {
      const r = parseClockRange('14:23 UTC - 16:23 CET');
      assert.ok(r);
      assert.equal(r.zone, undefined);
      assert.equal(r.start.zone, 'UTC');
      assert.equal(r.end.zone, 'CET');
    });

    for (const text of ['', '14:23', '14:23 and then', 'T+2 to T+5min', '3:1 - 4:2', 'score 99:99 - 88:88', '2 - 3 engineers', 'v1.2 - v1.3', '14:23 - foo']) {
      it(`finds no range in ${JSON.stringify(text)}`, () => {
        assert.equal(parseClockRange(text), undefined);
      });
    }
  });

  describe('zoneOffsetMinutes', () => {
    const zones: Array<[string, number | undefined]> = [
      ['UTC', 0], ['utc', 0], ['GMT', 0], ['Z', 0], ['CET', 60], ['cet', 60], ['CEST', 120], ['PST', -480], ['PDT', -420],
      ['EST', -300], ['EDT', -240], ['IST', 330], ['JST', 540], ['AEST', 600], ['BST', 60],
      ['+02:00', 120], ['+0200', 120], ['-05:00', -300], ['-0530', -330], ['+05:45', 345],
      ['UTC+2', 120], ['UTC-8', -480], ['UTC+05:30', 330], ['GMT-5:30', -330], ['UTC+0', 0], [' UTC ', 0],
      ['PT', undefined], ['ET', undefined], ['Europe/Paris', undefined], ['UTC+15', undefined], ['+25:00', undefined],
      ['+02:61', undefined], ['bogus', undefined], ['', undefined], ['UTC UTC', undefined], ['14:23', undefined],
    ];
    for (const [zone, offset] of zones) {
      it(`${JSON.stringify(zone)} -> ${offset}`, () => {
        assert.equal(zoneOffsetMinutes(zone), offset);
      });
    }
  });

  describe('findDeclaredZone', () => {
    const declarations: Array<[string, string, string]> = [
      ['All times UTC', 'UTC', 'All times UTC'],
      ['All times are in UTC.', 'UTC', 'All times are in UTC'],
      ['all times are in utc', 'UTC', 'all times are in utc'],
      ['All times in PST (UTC-8)', 'PST', 'All times in PST (UTC-8)'],
      ['Times are UTC', 'UTC', 'Times are UTC'],
      ['Times: UTC', 'UTC', 'Times: UTC'],
      ['Time zone: CET', 'CET', 'Time zone: CET'],
      ['Timezone: UTC', 'UTC', 'Timezone: UTC'],
      ['Time-zone: UTC', 'UTC', 'Time-zone: UTC'],
      ['**Time zone**: UTC+2', '+02:00', 'Time zone**: UTC+2'],
      ['Timeline (times in UTC)', 'UTC', 'times in UTC'],
      ['All timestamps are in UTC', 'UTC', 'All timestamps are in UTC'],
      ['heures en UTC', 'UTC', 'heures en UTC'],
      ['Toutes les heures sont en CET', 'CET', 'Toutes les heures sont en CET'],
      ['Fuseau horaire : UTC', 'UTC', 'Fuseau horaire : UTC'],
      ['Alle Zeiten in UTC', 'UTC', 'Alle Zeiten in UTC'],
      ['Zeitzone: MEZ', 'MEZ', 'Zeitzone: MEZ'],
      ['Todas las horas en UTC', 'UTC', 'Todas las horas en UTC'],
      ['Time zone: Europe/Paris', 'Europe/Paris', 'Time zone: Europe/Paris'],
      ['## Timeline\n\n_All times UTC._\n', 'UTC', 'All times UTC'],
    ];
    for (const [text, zone, span] of declarations) {
      it(`reads ${JSON.stringify(text)}`, () => {
        const d = findDeclaredZone(text);
        assert.ok(d, text);
        assert.equal(d.zone, zone);
        assert.equal(text.slice(d.index, d.index + d.length), span);
      });
    }

    for (const text of ['', 'Response times improved', 'all times are local', 'Times: see below', 'the times in question', 'times in UTCX', 'Time zone: Mars', 'Started 14:23 UTC']) {
      it(`finds no declaration in ${JSON.stringify(text)}`, () => {
        assert.equal(findDeclaredZone(text), undefined);
      });
    }

    it('finds nothing in the reference document (it declares no zone)', () => {
      assert.equal(findDeclaredZone(REFERENCE), undefined);
    });
  });

  describe('parsePhaseOffset', () => {
    const offsets: Array<[string, number, string, number]> = [
      ['T+0', 0, 'T+0', 0],
      ['T+5min', 300, 'T+5min', 0],
      ['T+5 min', 300, 'T+5 min', 0],
      ['T+5m', 300, 'T+5m', 0],
      ['T+1h', 3600, 'T+1h', 0],
      ['T+1h30m', 5400, 'T+1h30m', 0],
      ['T+1h 30m', 5400, 'T+1h 30m', 0],
      ['T+1h30', 5400, 'T+1h30', 0],
      ['T+90s', 90, 'T+90s', 0],
      ['T+2', 120, 'T+2', 0],
      ['T+1.5h', 5400, 'T+1.5h', 0],
      ['T + 15 min', 900, 'T + 15 min', 0],
      ['T-5min', -300, 'T-5min', 0],
      ['T−5', -300, 'T−5', 0],
      ['T-0', 0, 'T-0', 0],
      ['subgraph Detection[T+0: Detection Phase - 14:23 UTC]', 0, 'T+0', 19],
      ['subgraph Diagnosis[T+5min: Diagnosis Phase]', 300, 'T+5min', 19],
    ];
    for (const [text, seconds, raw, index] of offsets) {
      it(`reads ${JSON.stringify(text)}`, () => {
        assert.deepEqual(parsePhaseOffset(text), { seconds, raw, index, length: raw.length });
      });
    }

    for (const text of ['', 'T', 'T+', 'T+min', 'AT+5', 'T+2teams', 'Timeline', 't+5', '+5min', 'T5']) {
      it(`finds no offset in ${JSON.stringify(text)}`, () => {
        assert.equal(parsePhaseOffset(text), undefined);
      });
    }

    it('is never -0', () => {
      assert.ok(Object.is(parsePhaseOffset('T-0')?.seconds, 0));
    });
  });

  describe('parsePhaseRange', () => {
    const ranges: Array<[string, number, number, string, number]> = [
      ['(T+2 to T+5min)', 120, 300, 'T+2 to T+5min', 1],
      ['(T+0 to T+2min)', 0, 120, 'T+0 to T+2min', 1],
      ['(T+15 to T+35min)', 900, 2100, 'T+15 to T+35min', 1],
      ['T+15–T+35 min', 900, 2100, 'T+15–T+35 min', 0],
      ['(T+5min - T+15min)', 300, 900, 'T+5min - T+15min', 1],
      ['(T+1h to T+2h)', 3600, 7200, 'T+1h to T+2h', 1],
      ['(T+1 to T+2h)', 3600, 7200, 'T+1 to T+2h', 1],
      ['(T+1h to T+2)', 3600, 7200, 'T+1h to T+2', 1],
      ['(T+2 to T+5)', 120, 300, 'T+2 to T+5', 1],
      ['T+15 to 35 min', 900, 2100, 'T+15 to 35 min', 0],
      ['T-5 to T+5 min', -300, 300, 'T-5 to T+5 min', 0],
      ['### 1. Initial Detection (T+0 to T+2min)', 0, 120, 'T+0 to T+2min', 26],
      ['### 5. Validation (T+35 to T+47min)', 2100, 2820, 'T+35 to T+47min', 19],
    ];
    for (const [text, startSeconds, endSeconds, raw, index] of ranges) {
      it(`reads ${JSON.stringify(text)}`, () => {
        assert.deepEqual(parsePhaseRange(text), { startSeconds, endSeconds, raw, index, length: raw.length });
      });
    }

    for (const text of ['', 'T+5min', 'T+2 to', 'T+2 to 5 engineers', '(T+2 and later)', '2 to 5 min']) {
      it(`finds no range in ${JSON.stringify(text)}`, () => {
        assert.equal(parsePhaseRange(text), undefined);
      });
    }
  });

  describe('formatClock', () => {
    const cases: Array<[number, boolean, string]> = [
      [51780, false, '14:23'],
      [51780, true, '14:23:00'],
      [51789.9, true, '14:23:09'],
      [0, false, '00:00'],
      [86399, true, '23:59:59'],
      [86400, false, '00:00'],
      [86400 + 3600, false, '01:00'],
      [-60, false, '23:59'],
      [NaN, false, '--:--'],
      [Infinity, true, '--:--:--'],
    ];
    for (const [seconds, withSeconds, expected] of cases) {
      it(`${seconds} -> ${expected}`, () => {
        assert.equal(formatClock(seconds, withSeconds), expected);
      });
    }
  });

  describe('formatDuration', () => {
    const cases: Array<[number, string]> = [
      [45, '45 s'],
      [0, '0 s'],
      [0.05, '0.05 s'],
      [1.5, '1.5 s'],
      [60, '1 min'],
      [2820, '47 min'],
      [2850, '47 min 30 s'],
      [3900, '1 h 5 min'],
      [3600, '1 h'],
      [3630, '1 h 30 s'],
      [273600, '3 d 4 h'],
      [-300, '-5 min'],
      [NaN, '?'],
    ];
    for (const [seconds, expected] of cases) {
      it(`${seconds} -> ${expected}`, () => {
        assert.equal(formatDuration(seconds), expected);
      });
    }

    it('round-trips through parseDuration', () => {
      for (const seconds of [45, 2820, 3900, 273600, 3630]) assert.equal(parseDuration(formatDuration(seconds))?.seconds, seconds);
    });
  });

  describe('robustness', function () {
    this.timeout(20000);
    const functions: Record<string, (s: string) => unknown> = {
      findLeadingTimestamp,
      findTimestamps,
      parseDateText,
      parseDuration,
      parseClockRange,
      zoneOffsetMinutes,
      findDeclaredZone,
      parsePhaseOffset,
      parsePhaseRange,
    };

    it('never throws, whatever the input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[0-9:.\-+ TtZAPMapm()UTCh,/]*$/)), (s) => {
          for (const f of Object.values(functions)) f(s);
          formatClock(s.length, s.length % 2 === 0);
          formatDuration(s.length - 10);
        }),
        { numRuns: 200 },
      );
      for (const bad of [undefined, null, 42, {}, []] as unknown as string[]) {
        for (const f of Object.values(functions)) f(bad);
        if (typeof bad !== 'number') {
          assert.equal(formatClock(bad as unknown as number, false), '--:--');
          assert.equal(formatDuration(bad as unknown as number), '?');
        }
      }
    });

    it('returns positions that locate the raw text', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[0-9: \-–.TZPMUCa-z+()]*$/), (s) => {
          for (const ts of findTimestamps(s)) assertLocated(s, ts);
          const lead = findLeadingTimestamp(s);
          if (lead) assertLocated(s, lead);
          const d = parseDuration(s);
          if (d) assertLocated(s, d);
          const p = parsePhaseOffset(s);
          if (p) assertLocated(s, p);
        }),
        { numRuns: 200 },
      );
    });

    describe('runs in linear time on 1 MB of junk', () => {
      const junk: Record<string, string> = {
        digits: repeatTo('7'),
        'digits and colons': repeatTo('12:'),
        'colons then digits': repeatTo(':1'),
        'dollars and ones': repeatTo('$1'),
        spaces: repeatTo(' '),
        letters: repeatTo('a'),
        'emphasis markers': repeatTo('*'),
        'list prefixes': repeatTo('- [x] '),
        'month names': repeatTo('Dec 2'),
        'phase offsets': repeatTo('T+1 to '),
        'meridiem clocks': repeatTo('1 pm '),
        'dotted numbers': repeatTo('1.'),
        'zone words': repeatTo('All times '),
      };
      for (const [name, text] of Object.entries(junk)) {
        it(`on ${name}`, () => {
          assert.equal(findLeadingTimestamp(text)?.index ?? 0, 0);
          const all = findTimestamps(text);
          assert.ok(Array.isArray(all));
          parseDateText(text);
          parseDuration(text);
          parseClockRange(text);
          findDeclaredZone(text);
          parsePhaseOffset(text);
          parsePhaseRange(text);
          assert.equal(zoneOffsetMinutes(text), undefined);
        });
      }

      it('gives the expected results on junk', () => {
        assert.equal(findLeadingTimestamp(repeatTo('12:')), undefined);
        assert.deepEqual(findTimestamps(repeatTo('12:')), []);
        assert.equal(findLeadingTimestamp(repeatTo(' ')), undefined);
        assert.equal(findLeadingTimestamp(repeatTo('*')), undefined);
        assert.equal(findLeadingTimestamp(repeatTo(' ') + '14:23')?.index, MB);
        assert.equal(findTimestamps(repeatTo('1 pm ')).length, Math.floor(MB / 5));
        assert.equal(parseDuration(repeatTo('7')), undefined);
        assert.deepEqual(parsePhaseOffset(repeatTo('T+1 to ')), { seconds: 60, raw: 'T+1', index: 0, length: 3 });
        assert.equal(parseDateText(repeatTo('12:')), undefined);
        assert.equal(findDeclaredZone(repeatTo('All times ')), undefined);
      });
    });
  });
});
