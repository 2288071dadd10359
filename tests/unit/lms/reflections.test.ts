import { describe, expect, it } from 'vitest';
import {
  decodeComments12,
  encodeComments12,
  fromLmsText2004,
  lmsCount,
  maxReflectionChars12,
  MAX_PROMPT_ID,
  toLmsText2004,
  vocabularyValue,
} from '../../../src/lms/format';
import { Scorm12Connection, type Scorm12Api } from '../../../src/lms/scorm12';
import { Scorm2004Connection, type Scorm2004Api } from '../../../src/lms/scorm2004';
import { StandaloneConnection } from '../../../src/lms/standalone';
import { checkScorm12Cmi, checkScorm2004Cmi, stringValues } from '../../support/cmi-rules';
import { lastValues, newScorm12, newScorm2004, recordSets } from './helpers';
import { launchData } from '../../../src/lms/types';
import { fakeScorm12Api, fakeScorm2004Api } from '../../support/fake-scorm-api';

const tricky = [
  '',
  'gewoon antwoord',
  'regel 1\nregel 2\n\n[p:3]abc]\n[',
  '{lang=nl} begint met accolade { en } ',
  'emoji 🙂 en é, ß, 中文',
  ']'.repeat(20) + '\n['.repeat(10),
];

describe('SCORM 1.2 cmi.comments format', () => {
  it('round-trips any text under any storable id', () => {
    const map = Object.fromEntries(tricky.map((t, i) => [`opdracht-${i}:vraag]`.replace(']', ''), t]));
    map['x'.repeat(MAX_PROMPT_ID)] = 'lang id';
    expect(decodeComments12(encodeComments12(map))).toEqual(map);
  });
  it('reads a value an LMS appended to instead of replacing (later entries win)', () => {
    const first = encodeComments12({ a: 'oud', b: 'blijft' });
    const second = encodeComments12({ a: 'nieuw', b: 'blijft' });
    expect(decodeComments12(first + second)).toEqual({ a: 'nieuw', b: 'blijft' });
    expect(decodeComments12(`${first}\n${second}`)).toEqual({ a: 'nieuw', b: 'blijft' });
  });
  it('survives CRLF line breaks, a trimmed tail and foreign text without throwing', () => {
    const value = encodeComments12({ a: 'een\ntwee', b: 'drie   ' });
    expect(decodeComments12(value.replace(/\n/g, '\r\n'))).toEqual({ a: 'een\ntwee', b: 'drie   ' });
    expect(decodeComments12(value.trimEnd())).toEqual({ a: 'een\ntwee', b: 'drie' });
    expect(decodeComments12('[kc1_a0] oud formaat\n[a:2]ok')).toEqual({ a: 'ok' });
    expect(decodeComments12('willekeurige opmerking van het LMS')).toEqual({});
    expect(decodeComments12('')).toEqual({});
    expect(decodeComments12(undefined as unknown as string)).toEqual({});
  });
  it('sizes the per-answer limit so every answer at its maximum fits in 4096', () => {
    for (const n of [1, 2, 3, 5, 8, 12, 20]) {
      const max = maxReflectionChars12(n);
      const map = Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`${i}`.padStart(MAX_PROMPT_ID, 'p'), 'x'.repeat(max)]),
      );
      expect(encodeComments12(map).length, `n=${n}`).toBeLessThanOrEqual(4096);
    }
    expect(maxReflectionChars12(8)).toBe(440);
    expect(maxReflectionChars12(0)).toBe(maxReflectionChars12(1));
  });
});

describe('SCORM 2004 text', () => {
  it('keeps the length and round-trips line breaks and a leading brace', () => {
    for (const text of tricky) {
      const stored = toLmsText2004(text);
      expect(stored.length).toBe(text.length);
      expect(stored).not.toMatch(/[\r\n]/);
      expect(stored.startsWith('{')).toBe(false);
      expect(fromLmsText2004(stored)).toBe(text);
    }
    expect(toLmsText2004('a\r\nb')).toBe('a\u2424b');
  });
});

describe('odd LMS values', () => {
  it('normalises vocabulary and counts', () => {
    expect(vocabularyValue(' INCOMPLETE ')).toBe('incomplete');
    expect(lmsCount('')).toBe(0);
    expect(lmsCount('abc')).toBe(0);
    expect(lmsCount('-3')).toBe(0);
    expect(lmsCount('2.5')).toBe(0);
    expect(lmsCount(' 4 ')).toBe(4);
    expect(lmsCount('99999999')).toBe(10000);
  });
});

describe('Scorm12Connection reflections against scorm-again', () => {
  it('stores all answers in cmi.comments, replacing the whole value, and reads them on relaunch', () => {
    const api = newScorm12();
    const sets = recordSets(api, 'LMSSetValue');
    const lms = new Scorm12Connection(api);
    expect(lms.start()?.reflections).toEqual({});
    expect(lms.saveReflection('opdracht-1-vraag-1', 'Eerste\r\nantwoord')).toBe(true);
    expect(lms.saveReflection('opdracht-1-vraag-2', '[x:1]y')).toBe(true);
    expect(lms.saveReflection('opdracht-1-vraag-1', 'Herzien')).toBe(true);
    const comments = sets.filter(([k]) => k === 'cmi.comments').map(([, v]) => v);
    // The second save writes only its entry first, to learn whether the LMS appends (Moodle) or
    // replaces (the standard, scorm-again); replacing, it then writes the whole value: 4 writes.
    expect(comments).toHaveLength(4);
    expect(comments[3]).toBe('[opdracht-1-vraag-1:7]Herzien\n[opdracht-1-vraag-2:6][x:1]y');
    expect(checkScorm12Cmi(lastValues(sets))).toEqual([]);
    lms.finish(false);

    const saved = stringValues(api.getFlattenedCMI());
    const again = new Scorm12Connection(newScorm12({ ...saved, 'cmi.core.entry': 'resume' }));
    expect(again.start()?.reflections).toEqual({ 'opdracht-1-vraag-1': 'Herzien', 'opdracht-1-vraag-2': '[x:1]y' });
  });

  it('refuses (never cuts) an answer that would overflow 4096, and ids it cannot store', () => {
    const api = newScorm12();
    const lms = new Scorm12Connection(api);
    lms.start();
    expect(lms.maxReflectionChars(1)).toBe(4096 - MAX_PROMPT_ID - 8);
    expect(lms.saveReflection('a', 'x'.repeat(4000))).toBe(true);
    expect(lms.saveReflection('b', 'y'.repeat(200))).toBe(false);
    expect(lms.lastError).toMatch(/cmi\.comments.*4096/);
    expect(decodeComments12(String(api.LMSGetValue('cmi.comments')))).toEqual({ a: 'x'.repeat(4000) });
    expect(lms.saveReflection('', 'x')).toBe(false);
    expect(lms.saveReflection('a]b', 'x')).toBe(false);
    expect(lms.saveReflection('p'.repeat(MAX_PROMPT_ID + 1), 'x')).toBe(false);
    expect(lms.saveReflection('a', 'kort')).toBe(true);
    expect(lms.lastError).toBe('');
  });

  it('refuses before start and after finish', () => {
    const lms = new Scorm12Connection(newScorm12());
    expect(lms.saveReflection('a', 'x')).toBe(false);
    expect(lms.lastError).toMatch(/not started/);
    lms.start();
    lms.finish(true);
    expect(lms.saveReflection('a', 'x')).toBe(false);
    expect(lms.lastError).toMatch(/finished/);
  });
});

describe('Scorm2004Connection reflections against scorm-again', () => {
  const at = Date.UTC(2024, 4, 6, 12, 5, 9, 876);

  it('keeps one comments_from_learner entry per prompt and rebuilds the map on relaunch', () => {
    const api = newScorm2004();
    const sets = recordSets(api, 'SetValue');
    const lms = new Scorm2004Connection(api, { courseId: 'c', now: () => at });
    expect(lms.start()?.reflections).toEqual({});
    expect(lms.maxReflectionChars(8)).toBe(625); // a share of the 5,000 all answers may use
    expect(lms.maxReflectionChars(1)).toBe(4000); // never more than one entry holds
    const long = `{begin}\n${'z'.repeat(3992)}`;
    expect(long.length).toBe(4000);
    expect(lms.saveReflection('opdracht-1-vraag-1', 'eerste\nversie'), lms.lastError).toBe(true);
    expect(lms.saveReflection('opdracht-1-vraag-2', long), lms.lastError).toBe(true);
    expect(lms.saveReflection('opdracht-1-vraag-1', 'tweede versie'), lms.lastError).toBe(true);
    const sent = lastValues(sets);
    expect(sent).toMatchObject({
      'cmi.comments_from_learner.0.comment': 'tweede versie',
      'cmi.comments_from_learner.0.location': 'opdracht-1-vraag-1',
      'cmi.comments_from_learner.0.timestamp': '2024-05-06T12:05:09.87Z',
      'cmi.comments_from_learner.1.location': 'opdracht-1-vraag-2',
    });
    expect(sets.some(([k]) => k.startsWith('cmi.comments_from_learner.2'))).toBe(false);
    expect(api.GetValue('cmi.comments_from_learner._count')).toBe('2');
    expect(checkScorm2004Cmi(lastValues(sets))).toEqual([]);
    lms.finish(false);

    const saved = stringValues(api.getFlattenedCMI());
    expect(checkScorm2004Cmi(saved)).toEqual([]);
    const again = new Scorm2004Connection(newScorm2004({ ...saved, 'cmi.entry': 'resume' }), {
      courseId: 'c',
      now: () => at,
    });
    expect(again.start()?.reflections).toEqual({ 'opdracht-1-vraag-1': 'tweede versie', 'opdracht-1-vraag-2': long });
    // Updating after relaunch reuses the entry.
    expect(again.saveReflection('opdracht-1-vraag-2', 'korter')).toBe(true);
    expect(again.saveReflection('opdracht-2-vraag-1', 'nieuw')).toBe(true);
  });

  it('refuses (never cuts) more than 4000 characters', () => {
    const api = newScorm2004();
    const lms = new Scorm2004Connection(api, { courseId: 'c' });
    lms.start();
    expect(lms.saveReflection('a', 'x'.repeat(4001))).toBe(false);
    expect(lms.lastError).toMatch(/4001.*4000/);
    expect(api.GetValue('cmi.comments_from_learner._count')).toBe('0');
  });

  it('ignores comments that are not ours when reading', () => {
    const api = newScorm2004({
      'cmi.comments_from_learner.0.comment': 'iets van het LMS',
      'cmi.comments_from_learner.0.location': '',
      'cmi.comments_from_learner.1.comment': 'mijn antwoord',
      'cmi.comments_from_learner.1.location': 'p1',
    });
    const lms = new Scorm2004Connection(api, { courseId: 'c' });
    expect(lms.start()?.reflections).toEqual({ p1: 'mijn antwoord' });
    expect(lms.saveReflection('p2', 'nog een')).toBe(true);
    expect(api.GetValue('cmi.comments_from_learner.2.location')).toBe('p2');
  });
});

describe('StandaloneConnection reflections', () => {
  it('keeps answers in localStorage across launches and refuses over 4000', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    } as unknown as Storage;
    const lms = new StandaloneConnection('c', '1', () => storage);
    lms.start();
    expect(lms.maxReflectionChars(8)).toBe(4000);
    expect(lms.saveReflection('p1', 'tekst\nmet regels')).toBe(true);
    expect(lms.saveReflection('p2', 'x'.repeat(4001))).toBe(false);
    expect(lms.lastError).toMatch(/4000/);
    expect(new StandaloneConnection('c', '1', () => storage).start()?.reflections).toEqual({ p1: 'tekst\nmet regels' });
  });
});

/** A SCORM API that answers from a fixed map: for LMS quirks scorm-again does not produce. */
function quirkyValues(values: Record<string, unknown>, throwOn: string[] = []) {
  const set: Array<[string, string]> = [];
  const get = (e: string): unknown => {
    if (throwOn.includes(e)) throw new Error('LMS crashed');
    return values[e];
  };
  return { set, get };
}

describe('adapters with odd LMS values', () => {
  it('SCORM 1.2: upper-case status, empty entry with data, odd counts, throwing reads', () => {
    const q = quirkyValues(
      {
        'cmi.core.lesson_status': 'NOT ATTEMPTED',
        'cmi.core.entry': '',
        'cmi.suspend_data': '2.abc',
        'cmi.interactions._count': '',
        'cmi.objectives._count': 'veel',
        'cmi.comments': null,
      },
      ['cmi.core.student_name'],
    );
    const api: Scorm12Api = fakeScorm12Api({
      LMSGetValue: q.get,
      LMSSetValue: (e, v) => (q.set.push([e, v]), 'true'),
      LMSCommit: () => true,
      LMSGetLastError: () => 0,
    });
    const lms = new Scorm12Connection(api);
    const launch = lms.start();
    expect(launch).toEqual(launchData({ suspendData: '2.abc', resumed: true }));
    expect(q.set).toContainEqual(['cmi.core.lesson_status', 'incomplete']);
    expect(
      lms.recordInteraction({
        kind: 'true-false',
        itemId: 'q',
        attempt: 1,
        description: '',
        objectiveIds: [],
        result: 'correct',
        latencySeconds: 1,
        timestamp: new Date(),
        weighting: 1,
        learner: true,
        correct: true,
      }),
    ).toBe(true);
    expect(q.set[2]).toEqual(['cmi.interactions.0.id', 'q_a1']);
  });

  it('SCORM 1.2: a mixed-case passed status is never downgraded', () => {
    const q = quirkyValues({ 'cmi.core.lesson_status': 'Passed', 'cmi.core.entry': 'RESUME' });
    const api: Scorm12Api = fakeScorm12Api({ LMSGetValue: q.get, LMSSetValue: (e, v) => (q.set.push([e, v]), 'true') });
    const lms = new Scorm12Connection(api);
    expect(lms.start()?.resumed).toBe(true);
    // Only the crash-safe exit is written: the status itself is left alone.
    expect(q.set).toEqual([['cmi.core.exit', 'suspend']]);
  });

  it('SCORM 2004: upper-case status, odd counts, odd comments, throwing reads', () => {
    const q = quirkyValues(
      {
        'cmi.completion_status': 'UNKNOWN',
        'cmi.entry': '',
        'cmi.suspend_data': '2.x',
        'cmi.interactions._count': undefined,
        'cmi.objectives._count': '1e3',
        'cmi.comments_from_learner._count': '2',
        'cmi.comments_from_learner.1.location': 'p1',
        'cmi.comments_from_learner.1.comment': 42,
      },
      ['cmi.comments_from_learner.0.location', 'cmi.learner_name'],
    );
    const api: Scorm2004Api = fakeScorm2004Api({ GetValue: q.get, SetValue: (e, v) => (q.set.push([e, v]), 'true') });
    const lms = new Scorm2004Connection(api, { courseId: 'c' });
    expect(lms.start()).toEqual(launchData({ suspendData: '2.x', resumed: true, reflections: { p1: '42' } }));
    expect(q.set).toContainEqual(['cmi.completion_status', 'incomplete']);
    expect(lms.saveReflection('p1', 'nieuw')).toBe(true);
    expect(q.set).toContainEqual(['cmi.comments_from_learner.1.comment', 'nieuw']);
    expect(lms.saveReflection('p2', 'ander')).toBe(true);
    expect(q.set).toContainEqual(['cmi.comments_from_learner.2.comment', 'ander']);
  });

  it('SCORM 2004: a mixed-case completed status is left alone', () => {
    const q = quirkyValues({ 'cmi.completion_status': 'Completed', 'cmi.entry': 'Resume' });
    const api: Scorm2004Api = fakeScorm2004Api({ GetValue: q.get, SetValue: (e, v) => (q.set.push([e, v]), 'true') });
    const lms = new Scorm2004Connection(api, { courseId: 'c' });
    expect(lms.start()?.resumed).toBe(true);
    // Only the crash-safe exit is written: the status itself is left alone.
    expect(q.set).toEqual([['cmi.exit', 'suspend']]);
  });
});

describe('learner id', () => {
  it('is read from each standard, so local copies are kept per learner', () => {
    const api12 = newScorm12({ 'cmi.core.student_id': 'student-12' });
    expect(new Scorm12Connection(api12).start()?.learnerId).toBe('student-12');
    const api2004 = newScorm2004({ 'cmi.learner_id': 'learner-2004' });
    expect(new Scorm2004Connection(api2004, { courseId: 'c' }).start()?.learnerId).toBe('learner-2004');
  });
});

describe('SCORM 1.2 room for reflections', () => {
  it('with the real prompt ids, the answers fill cmi.comments exactly up to its limit', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `opdracht-${1 + (i % 4)}-vraag-${i + 1}`);
    const max = maxReflectionChars12(ids);
    expect(max).toBeGreaterThan(maxReflectionChars12(ids.length)); // real ids are shorter than the worst case
    const lms = new Scorm12Connection(newScorm12());
    lms.start();
    for (const id of ids) expect(lms.saveReflection(id, 'x'.repeat(max)), lms.lastError).toBe(true);
    expect(lms.saveReflection(ids[0]!, 'x'.repeat(max + 40))).toBe(false);
  });
});
