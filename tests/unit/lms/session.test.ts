// @vitest-environment happy-dom
/**
 * What both SCORM adapters share (src/lms/session.ts), run for each standard, and the fixes of
 * issue 8 against the behaviour of the LMSs schools use (Moodle 5.0's scorm_13.js / scorm_12.js,
 * ILIAS's basisAPI.js), reproduced by the in-memory LMS in memory-lms.ts.
 */
import { describe, expect, it } from 'vitest';
import { Scorm12Connection, type Scorm12Api } from '../../../src/lms/scorm12';
import { Scorm2004Connection, type Scorm2004Api } from '../../../src/lms/scorm2004';
import { ResilientConnection, type SyncStatus } from '../../../src/lms/resilient';
import { decodeComments12, encodeComments12 } from '../../../src/lms/format';
import type { CourseResult, InteractionRecord, LmsConnection } from '../../../src/lms/types';
import { encodeState, savedInteractionSlots } from '../../../src/state/codec';
import { emptySavedState } from '../../../src/state/saved-state';
import { MemoryLms, MOODLE_SHORT_ID, type MemoryLmsOptions } from './memory-lms';
import { sampleRecords } from './helpers';

type Standard = 'scorm12' | 'scorm2004';
const STANDARDS: Standard[] = ['scorm12', 'scorm2004'];

const connect = (lms: MemoryLms, standard: Standard, now?: () => number): Scorm12Connection | Scorm2004Connection =>
  standard === 'scorm12'
    ? new Scorm12Connection(lms.api as Scorm12Api, now ? { now } : {})
    : new Scorm2004Connection(lms.api as Scorm2004Api, { courseId: 'cursus', ...(now ? { now } : {}) });

function session(options: MemoryLmsOptions, now?: () => number) {
  const memory = new MemoryLms(options);
  const lms = connect(memory, options.standard, now);
  return { memory, lms };
}

const result: CourseResult = {
  scaled: 0.5,
  passed: false,
  completed: false,
  progress: 0.5,
  objectives: [{ id: 'ld1', scaled: 0.5, completed: true, passed: false }],
};

const base = {
  description: 'Vraag',
  objectiveIds: ['ld1'],
  latencySeconds: 3,
  timestamp: new Date(2026, 0, 5, 10, 0, 0),
  weighting: 1,
  attempt: 1,
};

/** The course's classify, ordering and branching items, with their kebab-case ids. */
const kebabRecords: InteractionRecord[] = [
  {
    ...base,
    kind: 'matching',
    itemId: 'et-wrap',
    result: 'incorrect',
    sources: ['wrap-groep', 'methodische-zelfhulp'],
    targets: ['steun-groep', 'zelf-hulp'],
    learner: [['wrap-groep', 'zelf-hulp']],
    correct: [
      ['wrap-groep', 'steun-groep'],
      ['methodische-zelfhulp', 'zelf-hulp'],
    ],
  },
  {
    ...base,
    kind: 'sequencing',
    itemId: 'et-volgorde',
    result: 'correct',
    choices: ['stap-0', 'stap-1', 'stap-2'],
    learner: ['stap-2', 'stap-0', 'stap-1'],
    correct: ['stap-2', 'stap-0', 'stap-1'],
  },
  { ...base, kind: 'performance', itemId: 'et-gesprek', result: 'correct', learner: ['k0-good', 'k1-ok'] },
];

describe('response patterns every LMS accepts', () => {
  it('SCORM 2004: every node of every response and pattern is letters, digits and _ (Moodle refuses - and :)', () => {
    const { memory, lms } = session({ standard: 'scorm2004' });
    lms.start();
    for (const record of kebabRecords) expect(lms.recordInteraction(record), lms.lastError).toBe(true);
    const values = memory.sets
      .filter(([k]) => /\.(learner_response|correct_responses\.\d+\.pattern)$/.test(k))
      .map(([, v]) => v);
    expect(values).toHaveLength(5);
    for (const value of values) {
      for (const node of value.split('[,]').flatMap((n) => n.split('[.]'))) expect(node).toMatch(MOODLE_SHORT_ID);
    }
    // A stable mapping: the same id always gives the same node.
    expect(memory.data['cmi.interactions.0.correct_responses.0.pattern']).toBe(
      'wrap_groep[.]steun_groep[,]methodische_zelfhulp[.]zelf_hulp',
    );
    expect(memory.data['cmi.interactions.2.learner_response']).toBe('1[.]k0_good[,]2[.]k1_ok');
  });
});

describe.each(STANDARDS)('refused values and transient failures (%s)', (standard) => {
  const pattern = /correct_responses\.0\.pattern$/;

  it('a refused field (4xx) is skipped and the rest of the interaction still arrives', () => {
    const { memory, lms } = session({ standard, refuse: (e) => (pattern.test(e) ? '406' : null) });
    lms.start();
    expect(lms.recordInteraction(sampleRecords[0]!)).toBe(false);
    expect(lms.lastFailure).toBe('refused');
    expect(lms.lastError).toMatch(/406/);
    const written = Object.keys(memory.data).filter((k) => k.startsWith('cmi.interactions.0.'));
    expect(written.some((k) => pattern.test(k))).toBe(false);
    for (const field of ['type', 'result', 'latency', 'weighting']) {
      expect(written, field).toContain(`cmi.interactions.0.${field}`);
    }
  });

  it('a transient failure (101/351/391, an exception) is marked as worth retrying', () => {
    for (const code of ['101', '351', '391']) {
      const { lms } = session({ standard, refuse: (e) => (e.endsWith('.result') ? code : null) });
      lms.start();
      expect(lms.recordInteraction(sampleRecords[0]!)).toBe(false);
      expect(lms.lastFailure, code).toBe('transient');
    }
    const { lms } = session({ standard });
    lms.start();
    expect(lms.save({ location: 'p', suspendData: 'x'.repeat(70000) })).toBe(false);
    expect(lms.lastFailure).toBe('refused'); // the adapter's own "too long" is final too
  });

  it('a retried interaction goes to its own slot, never a second one', () => {
    let failing = true;
    const { memory, lms } = session({ standard, refuse: (e) => (failing && e.endsWith('.latency') ? '101' : null) });
    lms.start();
    expect(lms.recordInteraction(sampleRecords[0]!)).toBe(false);
    failing = false;
    expect(lms.recordInteraction(sampleRecords[0]!)).toBe(true);
    expect(lms.recordInteraction(sampleRecords[1]!)).toBe(true);
    expect(memory.interactionIds()).toHaveLength(2);
    // The objective id was written once, not again on the retry (Moodle refuses a duplicate).
    expect(memory.sets.filter(([k]) => k === 'cmi.interactions.0.objectives.0.id')).toHaveLength(1);
  });

  it('writes session time at every commit, so time is kept when the closing calls fail', () => {
    let t = 0;
    const { memory, lms } = session({ standard }, () => t);
    lms.start();
    t = 90_000;
    expect(lms.commit()).toBe(true);
    const element = standard === 'scorm12' ? 'cmi.core.session_time' : 'cmi.session_time';
    expect(memory.data[element]).toBe(standard === 'scorm12' ? '0000:01:30.00' : 'PT1M30S');
  });

  it('an unanswered item is reported without a response, never an empty one', () => {
    const { memory, lms } = session({ standard });
    lms.start();
    const unanswered: InteractionRecord[] = [
      { ...kebabRecords[0]!, learner: [] } as InteractionRecord,
      { ...kebabRecords[1]!, learner: [] } as InteractionRecord,
      { ...kebabRecords[2]!, learner: [] } as InteractionRecord,
      { ...sampleRecords[0]!, learner: [] } as InteractionRecord,
      { ...sampleRecords[1]!, learner: null } as InteractionRecord,
    ];
    for (const record of unanswered) lms.recordInteraction(record);
    const responses = memory.sets.filter(([k]) => /\.(learner|student)_response$/.test(k));
    expect(responses).toEqual([]);
    expect(memory.interactionIds()).toHaveLength(5);
  });

  it("SCORM 1.2: numbers interactions after the course's own saved count when the LMS says _count 0 (ILIAS)", () => {
    const { memory, lms } = session({ standard, overrides: { 'cmi.interactions._count': '0' } });
    lms.start();
    lms.resumeInteractionSlots(28);
    lms.recordInteraction(sampleRecords[0]!);
    const first = memory.sets.find(([k]) => k.startsWith('cmi.interactions.'))![0];
    // SCORM 2004 interactions can be read back: there the LMS's own count is the truth.
    expect(first).toBe(standard === 'scorm12' ? 'cmi.interactions.28.id' : 'cmi.interactions.0.id');
    expect(lms.interactionSlots).toBe(standard === 'scorm12' ? 29 : 1);
  });

  it.runIf(standard === 'scorm12')(
    'SCORM 1.2 under ILIAS (_count 0, no index beyond its own count): the saved ids are written again, nothing overwritten',
    () => {
      const first = session({ standard });
      first.lms.start();
      for (const record of sampleRecords.slice(0, 3)) first.lms.recordInteraction(record);
      const ids = [...first.lms.interactionIds!];
      expect(ids).toEqual(['kc1-begrip_a0', 'kc1-stelling_a1', 'et-volgorde_a2']);

      // ILIAS: the earlier interactions are on the server, but this session counts from 0 and refuses
      // an index beyond its own count (201).
      let count = 0;
      const memory = new MemoryLms({
        standard,
        overrides: { 'cmi.interactions._count': '0' },
        refuse: (element) => {
          const index = /^cmi\.interactions\.(\d+)\./.exec(element);
          if (!index) return null;
          const n = Number(index[1]);
          if (n > count) return '201';
          if (n === count) count += 1;
          return null;
        },
      });
      const lms = connect(memory, standard);
      lms.start();
      lms.resumeInteractionSlots(3, ids);
      expect(lms.recordInteraction(sampleRecords[3]!), lms.lastError).toBe(true);
      expect(memory.interactionIds()).toEqual([...ids, 'et-koppel_a1']);
      expect(lms.interactionIds).toEqual([...ids, 'et-koppel_a1']);
    },
  );

  it('new objectives follow the last readable one when _count is implausible (ILIAS: "21" for 3)', () => {
    const ids =
      standard === 'scorm12' ? ['ld1', 'ld2', 'ld3'] : ['ld1', 'ld2', 'ld3'].map((l) => `urn:course:cursus:ld:${l}`);
    const data = Object.fromEntries(ids.map((id, i) => [`cmi.objectives.${i}.id`, id]));
    const { memory, lms } = session({ standard, data, overrides: { 'cmi.objectives._count': '21' } });
    lms.start();
    expect(
      lms.setResult({
        ...result,
        objectives: [
          { id: 'ld2', completed: true },
          { id: 'ld4', completed: false },
        ],
      }),
    ).toBe(true);
    expect(memory.data['cmi.objectives.3.id']).toBe(standard === 'scorm12' ? 'ld4' : 'urn:course:cursus:ld:ld4');
    expect(memory.sets.some(([k]) => k === 'cmi.objectives.1.id')).toBe(false);
  });
});

describe.each(STANDARDS)('the resilient layer never floods the LMS (%s)', (standard) => {
  function resilient(options: Omit<MemoryLmsOptions, 'standard'>) {
    const memory = new MemoryLms({ standard, ...options });
    const statuses: SyncStatus[] = [];
    const lms = new ResilientConnection(connect(memory, standard), {
      courseId: 'cursus',
      storage: () => null,
      interactionSlotsOf: savedInteractionSlots,
    });
    lms.onStatus((s) => statuses.push(s));
    return { memory, lms, statuses };
  }

  it('a refused value is logged, never retried, and no one is told the LMS is down', () => {
    // As Moodle did with every classify pattern: 406 for the pattern, at every try.
    const { memory, lms, statuses } = resilient({ refuse: (e) => (/pattern$/.test(e) ? '406' : null) });
    lms.start();
    const second = { ...sampleRecords[0]!, itemId: 'kc1-tweede' } as InteractionRecord;
    for (const record of [sampleRecords[0]!, second]) {
      expect(lms.recordInteraction(record)).toBe(true);
      for (let i = 0; i < 3; i++) expect(lms.commit()).toBe(true);
    }
    // 2 answers, 2 slots (not one more per save), 2 log lines, and the status never left 'synced'.
    expect(memory.interactionIds()).toHaveLength(2);
    expect(lms.refusals).toHaveLength(2);
    expect(statuses).toEqual([]);
  });

  it('an answer refused by the LMS is dropped from the journal and the course goes on synced', () => {
    const { memory, lms, statuses } = resilient({ refuse: (e) => (e.endsWith('.weighting') ? '405' : null) });
    lms.start();
    for (const record of sampleRecords.slice(0, 4)) expect(lms.recordInteraction(record)).toBe(true);
    expect(lms.commit()).toBe(true);
    expect(lms.commit()).toBe(true);
    expect(memory.interactionIds()).toHaveLength(4);
    expect(lms.refusals).toHaveLength(4);
    expect(statuses).toEqual([]);
  });

  it('re-checking the same knowledge-check item updates its slot instead of adding one', () => {
    const { memory, lms } = resilient({});
    lms.start();
    const check = (learner: string[]) =>
      lms.recordInteraction({ ...sampleRecords[0]!, attempt: 0, learner } as InteractionRecord);
    check(['a']);
    lms.recordInteraction({ ...sampleRecords[0]!, itemId: 'kc1-tweede', attempt: 0 } as InteractionRecord);
    check(['b']);
    lms.commit();
    expect(memory.interactionIds()).toHaveLength(2);
  });

  it("on relaunch, numbering continues from the saved state's count (SCORM 1.2, also when _count says 0)", () => {
    const suspendData = encodeState(emptySavedState(), [], [], { interactionSlots: 28 });
    const { memory, lms } = resilient({
      data: { 'cmi.suspend_data': suspendData },
      overrides: { 'cmi.interactions._count': '0' },
    });
    lms.start();
    lms.recordInteraction(sampleRecords[0]!);
    // SCORM 2004 interactions can be read back, so there the LMS's own count is the truth.
    const slot = standard === 'scorm12' ? 28 : 0;
    expect(Object.keys(memory.data).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).toEqual([
      `cmi.interactions.${slot}.id`,
    ]);
  });
});

describe('SCORM 1.2 cmi.comments with an LMS that appends every write (Moodle)', () => {
  it('sends only what is new, so the LMS keeps about one copy of each answer', () => {
    const { memory, lms } = session({ standard: 'scorm12', appendComments: true });
    lms.start();
    lms.saveReflection('opdracht-1', 'Eerste gedachte.');
    lms.saveReflection('opdracht-2', 'Andere vraag.');
    // The learner types on, in ten debounced saves of ~100 characters each.
    let text = 'Eerste gedachte.';
    for (let i = 0; i < 10; i++) {
      text += ` Zin ${i} met wat meer uitleg over wat ik in de praktijk zag gebeuren bij de cliënt.`;
      expect(lms.saveReflection('opdracht-1', text), lms.lastError).toBe(true);
    }
    const stored = memory.data['cmi.comments']!;
    expect(decodeComments12(stored)).toEqual({ 'opdracht-1': text, 'opdracht-2': 'Andere vraag.' });
    const final = encodeComments12({ 'opdracht-1': text, 'opdracht-2': 'Andere vraag.' });
    // Rewriting everything each time (the old way) would have stored ~6× the final value.
    expect(stored.length).toBeLessThan(final.length * 1.5);
  });

  it('an LMS that replaces (the standard) still gets the whole value each time', () => {
    const { memory, lms } = session({ standard: 'scorm12' });
    lms.start();
    lms.saveReflection('a', 'een');
    lms.saveReflection('b', 'twee');
    lms.saveReflection('a', 'een en meer');
    expect(memory.data['cmi.comments']).toBe(encodeComments12({ a: 'een en meer', b: 'twee' }));
  });
});

describe('SCORM 2004: each reflection is stored once, in full', () => {
  it('in comments_from_learner; its long-fill-in interaction only says the prompt was answered', () => {
    const { memory, lms } = session({ standard: 'scorm2004' });
    lms.start();
    const text = 'Mijn antwoord. '.repeat(60).trim();
    expect(lms.saveReflection('opdracht-1', text)).toBe(true);
    expect(lms.recordInteraction({ ...sampleRecords[5]!, learner: text } as InteractionRecord)).toBe(true);
    expect(memory.data['cmi.comments_from_learner.0.comment']).toBe(text);
    expect(memory.interactionIds()).toEqual(['urn:course:cursus:item:reflectie-1:a0']);
    expect(memory.data['cmi.interactions.0.type']).toBe('long-fill-in');
    const fields = Object.keys(memory.data).filter((k) => k.startsWith('cmi.interactions.0.'));
    expect(fields.sort()).toEqual(
      ['id', 'result', 'timestamp', 'type', 'weighting'].map((f) => `cmi.interactions.0.${f}`),
    );
  });

  it('all answers share a budget, so the whole state fits a 64 KB beacon', () => {
    const { lms } = session({ standard: 'scorm2004' });
    lms.start();
    expect(lms.maxReflectionChars(23)).toBe(217);
    expect(lms.saveReflection('a', 'x'.repeat(4000))).toBe(true);
    expect(lms.saveReflection('b', 'x'.repeat(1001))).toBe(false);
    expect(lms.lastError).toMatch(/5001.*5000/);
    expect(lms.lastFailure).toBe('refused');
    expect(lms.saveReflection('b', 'x'.repeat(1000))).toBe(true);
  });
});

describe.each(STANDARDS)('an LMS that fails (%s)', (standard) => {
  const names =
    standard === 'scorm12'
      ? { location: 'cmi.core.lesson_location', code: '405' }
      : { location: 'cmi.location', code: '406' };

  it("returns false with the LMS's error when a call returns 'false'", () => {
    const memory = new MemoryLms({ standard, refuse: () => names.code });
    const lms: LmsConnection = connect(memory, standard);
    expect(lms.start()).not.toBeNull();
    expect(lms.save({ location: 'a', suspendData: 'b' })).toBe(false);
    expect(lms.lastError).toBe(`SetValue(${names.location}) failed: ${names.code} error ${names.code}`);
    expect(lms.recordInteraction(sampleRecords[0]!)).toBe(false);
    expect(lms.setResult(result)).toBe(false);
    expect(lms.finish(false)).toBe(false);
    expect(lms.lastError).toMatch(new RegExp(names.code));
    expect(lms.finish(false)).toBe(true); // second call: no-op
  });
});
