import { strict as assert } from 'node:assert';
import { MAX_DURATION_LENGTH, parseDuration, suggestDuration } from '../../../src/core/gates';

describe('parseDuration', () => {
  const valid: [string, number][] = [
    ['60s', 60],
    ['30m', 1800],
    ['1h', 3600],
    ['2d', 172800],
    ['500ms', 0.5],
    ['1.5h', 5400],
    ['1h30m', 5400],
    ['1h30m15s', 5415],
    ['0s', 0],
    ['1m500ms', 60.5],
  ];
  for (const [text, seconds] of valid) {
    it(`${text} is ${seconds}s`, () => assert.equal(parseDuration(text), seconds));
  }

  it('rejects anything else', () => {
    for (const text of ['', '60', 's', '30 m', '30 minutes', '1h 30m', '30M', '1.h', '.5h', '-1s', '1s ', ' 1s', '1w', '1y', '1hh']) {
      assert.equal(parseDuration(text), undefined, text);
    }
    assert.equal(parseDuration(42 as unknown as string), undefined);
  });

  it('rejects long input without scanning it', () => {
    assert.equal(parseDuration('1s'.repeat(MAX_DURATION_LENGTH)), undefined);
    assert.equal(parseDuration('1'.repeat(1 << 20) + 's'), undefined);
  });
});

describe('suggestDuration', () => {
  const fixes: [string, string][] = [
    ['30 minutes', '30m'],
    ['1 hour', '1h'],
    ['90 sec', '90s'],
    ['2 hours', '2h'],
    ['1.5 hours', '1.5h'],
    ['45 Seconds', '45s'],
    ['500 ms', '500ms'],
    ['250 milliseconds', '250ms'],
    ['3 days', '3d'],
    ['1h 30m', '1h30m'],
    ['1 hour 30 minutes', '1h30m'],
    ['1 hr, 15 mins', '1h15m'],
    ['1 hour and 30 minutes', '1h30m'],
    ['30S', '30s'],
    ['2H', '2h'],
    [' 30m ', '30m'],
    ['PT30M', '30m'],
    ['PT1H30M', '1h30m'],
  ];
  for (const [text, fixed] of fixes) {
    it(`"${text}" -> ${fixed}`, () => {
      assert.equal(suggestDuration(text), fixed);
      assert.notEqual(parseDuration(fixed), undefined);
    });
  }

  it('gives nothing when the intent is not certain or the text is already valid', () => {
    for (const text of ['60', '30M', 'soon', '30 fortnights', '30m', '1h30m', '30m 1h', '1 hour 1 hour', '', 'P1D', '1 month', '5 mo']) {
      assert.equal(suggestDuration(text), undefined, text);
    }
    assert.equal(suggestDuration(undefined as unknown as string), undefined);
  });

  it('gives nothing for a 1 MB line', () => {
    assert.equal(suggestDuration('1 hour '.repeat(150_000)), undefined);
  });
});
