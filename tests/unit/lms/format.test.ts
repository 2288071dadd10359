import { describe, expect, it } from 'vitest';
import {
  choiceList12,
  decimal,
  duration2004,
  identifier12,
  interactionId12,
  list2004,
  matching12,
  matching2004,
  performance2004,
  responseId,
  time12,
  timespan12,
  timestamp2004,
} from '../../../src/lms/format';
import { interactionId2004 } from '../../../src/shared/ids';
import {
  isDuration2004,
  isIdentifier12,
  isLongIdentifier2004,
  isTimespan12,
  isTimestamp2004,
} from '../../support/cmi-rules';

describe('SCORM 1.2 timespan', () => {
  it.each([
    [0, '0000:00:00.00'],
    [-5, '0000:00:00.00'],
    [Number.NaN, '0000:00:00.00'],
    [0.004, '0000:00:00.00'],
    [0.005, '0000:00:00.01'],
    [59.999, '0000:01:00.00'],
    [59.994, '0000:00:59.99'],
    [3723.5, '0001:02:03.50'],
    [100 * 3600 + 1, '0100:00:01.00'],
    [1e9, '9999:59:59.99'],
  ])('%s s -> %s', (s, expected) => {
    expect(timespan12(s)).toBe(expected);
    expect(isTimespan12(timespan12(s))).toBe(true);
  });
});

describe('SCORM 2004 duration', () => {
  it.each([
    [0, 'PT0S'],
    [-1, 'PT0S'],
    [0.004, 'PT0S'],
    [0.01, 'PT0.01S'],
    [3.5, 'PT3.5S'],
    [59.999, 'PT1M'],
    [60, 'PT1M'],
    [3723.5, 'PT1H2M3.5S'],
    [3723.456, 'PT1H2M3.46S'],
    [3600, 'PT1H'],
    [123 * 3600 + 0.1, 'PT123H0.1S'],
  ])('%s s -> %s', (s, expected) => {
    expect(duration2004(s)).toBe(expected);
    expect(isDuration2004(duration2004(s))).toBe(true);
  });
});

describe('timestamps', () => {
  it('writes 2004 timestamps in UTC with two fractional digits, never toISOString()', () => {
    const d = new Date(Date.UTC(2024, 11, 31, 23, 59, 59, 999));
    expect(timestamp2004(d)).toBe('2024-12-31T23:59:59.99Z');
    expect(timestamp2004(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe('2024-01-02T03:04:05.00Z');
    expect(isTimestamp2004(timestamp2004(d))).toBe(true);
    expect(isTimestamp2004(d.toISOString())).toBe(false);
    expect(isTimestamp2004(timestamp2004(new Date(Number.NaN)))).toBe(true);
  });

  it('writes the 1.2 time of day in local time', () => {
    expect(time12(new Date(2024, 0, 1, 7, 8, 9, 999))).toBe('07:08:09');
    expect(time12(new Date(2024, 0, 1, 23, 59, 59))).toBe('23:59:59');
  });
});

describe('identifiers', () => {
  it('keeps 1.2 ids to letters, digits, - and _', () => {
    expect(identifier12('kc1-wie is?')).toBe('kc1-wie_is_');
    expect(identifier12('')).toBe('_');
    expect(interactionId12('kc2-wie-is-ervaringsdeskundige', 2)).toBe('kc2-wie-is-ervaringsdeskundige_a2');
    const long = interactionId12('x'.repeat(400), 12);
    expect(long).toHaveLength(255);
    expect(long.endsWith('_a12')).toBe(true);
    expect(isIdentifier12(long)).toBe(true);
  });

  it('builds 2004 urn identifiers without whitespace', () => {
    const id = interactionId2004('my course', 'item 1', 0);
    expect(id).toBe('urn:course:my_course:item:item_1:a0');
    expect(isLongIdentifier2004(id)).toBe(true);
    expect(responseId('a b[,]c')).toBe('a_b___c');
  });
});

describe('response patterns', () => {
  it('maps 1.2 choices to single characters through their index', () => {
    const choices = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('').map((c) => `opt-${c}`);
    expect(choiceList12(['x', 'y', 'z'], ['z', 'x'])).toBe('c,a');
    expect(choiceList12(choices, ['opt-a', 'opt-z', 'opt-0', 'opt-9'])).toBe('a,z,0,9');
    expect(choiceList12(['x'], ['nope'])).toBeNull();
    expect(choiceList12([...choices, 'one-too-many'], ['one-too-many'])).toBeNull();
    expect(choiceList12(['x'], [])).toBe('');
    expect(matching12(['s1', 's2'], ['t1', 't2'], [['s2', 't1']])).toBe('b.a');
    expect(matching12(['s1'], ['t1'], [['s1', 't9']])).toBeNull();
  });

  it('uses the 2004 [,] and [.] delimiters', () => {
    expect(list2004(['a', 'c'])).toBe('a[,]c');
    expect(
      matching2004([
        ['s1', 't1'],
        ['s2', 't2'],
      ]),
    ).toBe('s1[.]t1[,]s2[.]t2');
    expect(performance2004(['eerst [luisteren]', 'dan'])).toBe('1[.]eerst__luisteren_[,]2[.]dan');
    expect(performance2004(['x'.repeat(300)])).toBe(`1[.]${'x'.repeat(250)}`);
  });

  it('writes decimals without exponents or -0', () => {
    expect(decimal(83.33333, 2)).toBe('83.33');
    expect(decimal(-0)).toBe('0');
    expect(decimal(1e-9)).toBe('0');
    expect(decimal(Number.POSITIVE_INFINITY)).toBe('0');
    expect(decimal(0.5)).toBe('0.5');
  });
});
