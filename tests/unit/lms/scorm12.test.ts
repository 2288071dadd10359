// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Scorm12Connection, type Scorm12Api } from '../../../src/lms/scorm12';
import type { CourseResult } from '../../../src/lms/types';
import { launchData } from '../../../src/lms/types';
import { checkScorm12Cmi, stringValues } from '../../support/cmi-rules';
import {
  clearApis,
  lastValues,
  launchOn,
  type LmsWindow,
  FIRST_RECORD_12,
  newScorm12,
  sampleRecords,
  suspendedSession,
} from './helpers';
import { fakeScorm12Api } from '../../support/fake-scorm-api';

const result: CourseResult = {
  scaled: 0.8333,
  passed: true,
  completed: true,
  progress: 1,
  objectives: [
    { id: 'ld1', scaled: 1, completed: true, passed: true, description: 'Leerdoel 1' },
    { id: 'ld2', completed: false },
  ],
};

type Win = LmsWindow;
afterEach(clearApis);

const launch = (api = newScorm12()) => launchOn(api, 1_000_000);

describe('Scorm12Connection against scorm-again', () => {
  it('runs a whole session and writes exactly the strict SCORM 1.2 values', () => {
    const { api, lms, sets, clock } = launch();
    expect(lms.standard).toBe('scorm12');
    expect(lms.start()).toEqual(launchData());
    expect(lms.lastError).toBe('');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');

    expect(lms.save({ location: 'p3', suspendData: '1.abc~def' })).toBe(true);
    for (const record of sampleRecords) expect(lms.recordInteraction(record), lms.lastError).toBe(true);
    expect(lms.setResult(result)).toBe(true);
    expect(lms.setResult(result)).toBe(true); // again: same objective slots
    clock.advance(3723.456);
    expect(lms.finish(true)).toBe(true);

    const sent = lastValues(sets);
    expect(sent).toMatchObject({
      'cmi.core.lesson_location': 'p3',
      'cmi.suspend_data': '1.abc~def',
      ...FIRST_RECORD_12,
      'cmi.interactions.1.id': 'kc1-stelling_a1',
      'cmi.interactions.1.student_response': 't',
      'cmi.interactions.1.result': 'correct',
      'cmi.interactions.1.objectives.1.id': 'ld2',
      'cmi.interactions.2.type': 'sequencing',
      'cmi.interactions.2.student_response': 'c,a,b',
      'cmi.interactions.3.type': 'matching',
      'cmi.interactions.3.student_response': 'a.b,b.a',
      'cmi.interactions.3.correct_responses.0.pattern': 'a.a,b.b',
      'cmi.interactions.3.result': 'neutral',
      'cmi.interactions.4.type': 'performance',
      'cmi.interactions.4.student_response': 'luisteren,vragen',
      'cmi.interactions.5.id': 'reflectie-1_a0',
      'cmi.interactions.5.type': 'fill-in',
      'cmi.interactions.5.student_response': 'Mijn ervaring: ik leerde "luisteren" & <vragen>.',
      'cmi.core.score.raw': '83.33',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.lesson_status': 'passed',
      'cmi.objectives.0.id': 'ld1',
      'cmi.objectives.0.score.raw': '100',
      'cmi.objectives.0.status': 'passed',
      'cmi.objectives.1.id': 'ld2',
      'cmi.objectives.1.status': 'incomplete',
      'cmi.core.session_time': '0001:02:03.46',
      'cmi.core.exit': '',
    });
    // There is no long-fill-in in 1.2, and reflections, not interactions, own cmi.comments.
    expect(Object.values(sent)).not.toContain('long-fill-in');
    expect(sent['cmi.comments']).toBeUndefined();
    // Ids are written first, the type before any response, per interaction.
    for (let n = 0; n < sampleRecords.length; n++) {
      const keys = sets.map(([k]) => k).filter((k) => k.startsWith(`cmi.interactions.${n}.`));
      expect(keys[0]).toBe(`cmi.interactions.${n}.id`);
      expect(keys[1]).toBe(`cmi.interactions.${n}.type`);
    }
    expect(sets.filter(([k]) => k === 'cmi.objectives.2.id')).toEqual([]);

    expect(checkScorm12Cmi(sent)).toEqual([]);
    const cmi = stringValues(api.getFlattenedCMI());
    expect(checkScorm12Cmi(cmi)).toEqual([]);
    expect(api.cmi.interactions.childArray.length).toBe(6);
    expect(cmi['cmi.core.exit']).toBe('');
    expect(cmi['cmi.objectives.1.id']).toBe('ld2');
  });

  it('calls LMSFinish exactly once and refuses calls after finishing', () => {
    const { api, lms } = launch();
    lms.start();
    const finish = vi.spyOn(api, 'LMSFinish');
    expect(lms.finish(false)).toBe(true);
    expect(lms.finish(false)).toBe(true);
    expect(lms.finish(true)).toBe(true);
    expect(finish).toHaveBeenCalledTimes(1);
    expect(stringValues(api.getFlattenedCMI())['cmi.core.exit']).toBe('suspend'); // write-only for the SCO
    expect(lms.save({ location: 'x', suspendData: 'y' })).toBe(false);
    expect(lms.lastError).toMatch(/finished/);
  });

  it('resumes after a relaunch with the same data and reuses objective slots', () => {
    const saved = suspendedSession(launch(), result);
    delete (window as Win).API;

    const second = launch(newScorm12({ ...saved, 'cmi.core.entry': 'resume' }));
    expect(second.lms.start()).toEqual(launchData({ suspendData: 'state-one', location: 'p7', resumed: true }));
    expect(second.sets.some(([k]) => k === 'cmi.core.lesson_status')).toBe(false); // no downgrade
    expect(second.lms.setResult(result)).toBe(true);
    expect(second.lms.recordInteraction(sampleRecords[1]!)).toBe(true);
    expect(second.api.LMSGetValue('cmi.objectives._count')).toBe('2');
    expect(second.sets.filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k))).toEqual([]);
    expect(second.sets.find(([k]) => k.endsWith('.id') && k.startsWith('cmi.interactions'))).toEqual([
      'cmi.interactions.1.id',
      'kc1-stelling_a1',
    ]);
  });

  it('treats saved data as a resume even when the LMS sends an empty entry', () => {
    const { lms } = launch(newScorm12({ 'cmi.suspend_data': 'x' }));
    expect(lms.start()?.resumed).toBe(true);
  });

  it('refuses suspend_data and location over the SCORM 1.2 limits instead of truncating', () => {
    const { api, lms } = launch();
    lms.start();
    // scorm-again itself would accept 64000 characters here.
    expect(lms.save({ location: 'p1', suspendData: 'x'.repeat(4097) })).toBe(false);
    expect(lms.lastError).toMatch(/4097.*4096/);
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('');
    expect(lms.save({ location: 'l'.repeat(256), suspendData: 'ok' })).toBe(false);
    expect(lms.lastError).toMatch(/255/);
    expect(lms.save({ location: 'p1', suspendData: 'x'.repeat(4096) })).toBe(true);
    expect(lms.lastError).toBe('');
  });

  it('records long text as a fill-in with the first 255 characters, never touching cmi.comments', () => {
    const { lms, sets } = launch();
    lms.start();
    const text = 'Eerste regel.\r\n\n  Tweede   regel. ' + 'w'.repeat(4000);
    const long = { ...sampleRecords[5]!, learner: text } as (typeof sampleRecords)[number];
    expect(lms.recordInteraction(long)).toBe(true);
    // The same interaction again updates its own slot (issue 8: never a second slot).
    expect(lms.recordInteraction(long)).toBe(true);
    const sent = lastValues(sets);
    expect(sets.some(([k]) => k.startsWith('cmi.interactions.1.'))).toBe(false);
    expect(sent['cmi.interactions.0.type']).toBe('fill-in');
    expect(sent['cmi.interactions.0.student_response']).toBe(
      ('Eerste regel. Tweede regel. ' + 'w'.repeat(4000)).slice(0, 255),
    );
    expect(sets.some(([k]) => k === 'cmi.comments')).toBe(false);
    expect(checkScorm12Cmi(sent)).toEqual([]);
  });

  it('leaves out a performance path longer than 255 characters instead of cutting it', () => {
    const { lms, sets } = launch();
    lms.start();
    const path = Array.from({ length: 40 }, (_, i) => `keuze-nummer-${i}`);
    const record = { ...sampleRecords[4]!, learner: path } as (typeof sampleRecords)[number];
    expect(lms.recordInteraction(record)).toBe(true);
    const sent = lastValues(sets);
    expect(sent['cmi.interactions.0.type']).toBe('performance');
    expect(sent['cmi.interactions.0.student_response']).toBeUndefined();
    expect(sent['cmi.interactions.0.result']).toBe('neutral');
    expect(checkScorm12Cmi(sent)).toEqual([]);
  });

  it('reports an LMS refusal with its error code and text', () => {
    const { api, lms } = launch();
    api.LMSInitialize(''); // someone else initialised: the second Initialize fails with 101
    expect(lms.start()).toBeNull();
    expect(lms.lastError).toMatch(/^Initialize failed: 101 /);
  });
});

describe('Scorm12Connection against a failing API', () => {
  function fakeApi(overrides: Partial<Record<keyof Scorm12Api, () => unknown>> = {}): Scorm12Api {
    return fakeScorm12Api({ LMSGetErrorString: () => 'No error', ...overrides });
  }

  it("returns false with the LMS's error when a call returns 'false'", () => {
    const lms = new Scorm12Connection(
      fakeApi({
        LMSSetValue: () => 'false',
        LMSGetLastError: () => '405',
        LMSGetErrorString: () => 'Incorrect Data Type',
      }),
    );
    expect(lms.start()).not.toBeNull();
    expect(lms.save({ location: 'a', suspendData: 'b' })).toBe(false);
    expect(lms.lastError).toBe('SetValue(cmi.core.lesson_location) failed: 405 Incorrect Data Type');
    expect(lms.recordInteraction(sampleRecords[0]!)).toBe(false);
    expect(lms.setResult(result)).toBe(false);
    expect(lms.finish(false)).toBe(false);
    expect(lms.lastError).toMatch(/405/);
    expect(lms.finish(false)).toBe(true); // second call: no-op
  });

  it('never throws when the API throws', () => {
    const boom = (): never => {
      throw new Error('boom');
    };
    const lms = new Scorm12Connection(
      fakeApi({ LMSSetValue: boom, LMSCommit: boom, LMSFinish: boom, LMSGetValue: boom, LMSGetLastError: boom }),
    );
    expect(lms.start()).toEqual(launchData());
    expect(() => lms.save({ location: 'a', suspendData: 'b' })).not.toThrow();
    expect(lms.save({ location: 'a', suspendData: 'b' })).toBe(false);
    expect(lms.lastError).toMatch(/threw: Error: boom/);
    expect(lms.commit()).toBe(false);
    expect(lms.finish(true)).toBe(false);
  });

  it('returns null from start when Initialize returns false', () => {
    const lms = new Scorm12Connection(fakeApi({ LMSInitialize: () => false, LMSGetLastError: () => '101' }));
    expect(lms.start()).toBeNull();
    expect(lms.lastError).toMatch(/Initialize failed: 101/);
    expect(lms.save({ location: '', suspendData: '' })).toBe(false);
  });

  it('rejects an option id that is not among the choices', () => {
    const lms = new Scorm12Connection(fakeApi());
    lms.start();
    expect(lms.recordInteraction({ ...sampleRecords[0]!, learner: ['q'] } as (typeof sampleRecords)[number])).toBe(
      false,
    );
    expect(lms.lastError).toMatch(/cannot be coded/);
  });
});
