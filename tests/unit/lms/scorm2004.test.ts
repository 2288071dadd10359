// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLms } from '../../../src/lms/connect';
import { Scorm2004Connection, type Scorm2004Api } from '../../../src/lms/scorm2004';
import type { CourseResult } from '../../../src/lms/types';
import { launchData } from '../../../src/lms/types';
import { checkScorm2004Cmi, stringValues } from '../../support/cmi-rules';
import {
  clearApis,
  lastValues,
  launchOn,
  type LmsWindow,
  newScorm12,
  newScorm2004,
  sampleRecords,
  suspendedSession,
} from './helpers';
import { fakeScorm2004Api } from '../../support/fake-scorm-api';

const result: CourseResult = {
  scaled: 0.8333,
  passed: false,
  completed: true,
  progress: 0.75,
  objectives: [
    {
      id: 'ld1',
      scaled: 1,
      completed: true,
      passed: true,
      description: 'Je kent de betekenis van ervaringsdeskundigheid.',
    },
    { id: 'ld2', completed: false, description: 'x'.repeat(300) },
  ],
};

type Win = LmsWindow;
afterEach(clearApis);

const launch = (api = newScorm2004()) => launchOn(api, 5_000_000);

const U = 'urn:course:ervaringsdeskundigheid';

describe('Scorm2004Connection against scorm-again', () => {
  it('runs a whole session and writes exactly the strict SCORM 2004 values', () => {
    (window as Win).API = newScorm12(); // both present: 2004 wins
    const { api, lms, sets, clock } = launch();
    expect(lms.standard).toBe('scorm2004');
    expect(lms.start()).toEqual(launchData());
    expect(lms.lastError).toBe('');
    expect(api.GetValue('cmi.completion_status')).toBe('incomplete');

    expect(lms.save({ location: 'p3', suspendData: '1.abc~def' })).toBe(true);
    for (const record of sampleRecords) expect(lms.recordInteraction(record), lms.lastError).toBe(true);
    expect(lms.setResult(result)).toBe(true);
    expect(lms.setResult({ ...result, passed: true })).toBe(true);
    clock.advance(3723.456);
    expect(lms.finish(false)).toBe(true);

    const sent = lastValues(sets);
    expect(sent).toMatchObject({
      'cmi.location': 'p3',
      'cmi.suspend_data': '1.abc~def',
      'cmi.interactions.0.id': `${U}:item:kc1-begrip:a0`,
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.objectives.0.id': `${U}:ld:ld1`,
      'cmi.interactions.0.timestamp': new Date(2024, 4, 6, 14, 5, 9, 876).toISOString().replace(/\d(Z)$/, '$1'),
      'cmi.interactions.0.learner_response': 'a[,]c',
      'cmi.interactions.0.correct_responses.0.pattern': 'a[,]b',
      'cmi.interactions.0.result': 'incorrect',
      'cmi.interactions.0.latency': 'PT12.5S',
      'cmi.interactions.0.weighting': '1',
      'cmi.interactions.0.description': 'Wat is ervaringsdeskundigheid?',
      'cmi.interactions.1.learner_response': 'true',
      'cmi.interactions.1.correct_responses.0.pattern': 'true',
      'cmi.interactions.1.objectives.1.id': `${U}:ld:ld2`,
      'cmi.interactions.2.learner_response': 'z[,]x[,]y',
      'cmi.interactions.3.learner_response': 's1[.]t2[,]s2[.]t1',
      'cmi.interactions.3.correct_responses.0.pattern': 's1[.]t1[,]s2[.]t2',
      'cmi.interactions.4.type': 'performance',
      'cmi.interactions.4.learner_response': '1[.]luisteren[,]2[.]vragen',
      'cmi.score.scaled': '0.8333',
      'cmi.score.raw': '83.33',
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.success_status': 'passed',
      'cmi.completion_status': 'completed',
      'cmi.progress_measure': '0.75',
      'cmi.objectives.0.id': `${U}:ld:ld1`,
      'cmi.objectives.0.score.scaled': '1',
      'cmi.objectives.0.success_status': 'passed',
      'cmi.objectives.0.completion_status': 'completed',
      'cmi.objectives.1.id': `${U}:ld:ld2`,
      'cmi.objectives.1.success_status': 'unknown',
      'cmi.objectives.1.completion_status': 'incomplete',
      'cmi.objectives.1.description': 'x'.repeat(250),
      'cmi.session_time': 'PT1H2M3.46S',
      'cmi.exit': 'suspend',
    });
    expect(sent['cmi.interactions.0.timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$/);
    expect(sets.filter(([k]) => k === 'cmi.objectives.2.id')).toEqual([]);
    // The last sample is a reflection: stored once, in comments_from_learner; its interaction carries
    // no response (nor objectives, latency or description).
    expect(sent['cmi.interactions.5.type']).toBe('long-fill-in');
    expect(
      sets.filter(([k]) => /^cmi\.interactions\.5\.(learner_response|objectives|latency|description)/.test(k)),
    ).toEqual([]);
    for (let n = 0; n < sampleRecords.length; n++) {
      const keys = sets.map(([k]) => k).filter((k) => k.startsWith(`cmi.interactions.${n}.`));
      expect(keys.slice(0, 2)).toEqual([`cmi.interactions.${n}.id`, `cmi.interactions.${n}.type`]);
    }
    expect(checkScorm2004Cmi(sent)).toEqual([]);
    const cmi = stringValues(api.getFlattenedCMI());
    expect(checkScorm2004Cmi(cmi)).toEqual([]);
    expect(cmi['cmi.exit']).toBe('suspend');
    expect(cmi['cmi.interactions.4.learner_response']).toBe(sent['cmi.interactions.4.learner_response']);
  });

  it("writes exit 'normal' when completed and calls Terminate exactly once", () => {
    const { api, lms } = launch();
    lms.start();
    const terminate = vi.spyOn(api, 'Terminate');
    expect(lms.finish(true)).toBe(true);
    expect(lms.finish(true)).toBe(true);
    expect(terminate).toHaveBeenCalledTimes(1);
    const cmi = stringValues(api.getFlattenedCMI()); // exit and session_time are write-only
    expect(cmi['cmi.exit']).toBe('normal');
    expect(cmi['cmi.session_time']).toBe('PT0S');
    expect(lms.recordInteraction(sampleRecords[0]!)).toBe(false);
    expect(lms.lastError).toMatch(/finished/);
  });

  it('resumes after a relaunch with the same data and reuses objective slots', () => {
    const saved = suspendedSession(launch(), result);

    const second = launch(newScorm2004({ ...saved, 'cmi.entry': 'resume' }));
    expect(second.lms.start()).toEqual(launchData({ suspendData: 'state-one', location: 'p7', resumed: true }));
    expect(second.sets.some(([k]) => k === 'cmi.completion_status')).toBe(false);
    expect(second.lms.setResult(result)).toBe(true);
    expect(second.lms.recordInteraction(sampleRecords[1]!)).toBe(true);
    expect(second.api.GetValue('cmi.objectives._count')).toBe('2');
    expect(second.api.GetValue('cmi.interactions._count')).toBe('2');
    expect(second.sets.filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k))).toEqual([]);
    expect(second.api.GetValue('cmi.interactions.1.id')).toBe(`${U}:item:kc1-stelling:a1`);
    expect(checkScorm2004Cmi(stringValues(second.api.getFlattenedCMI()))).toEqual([]);
  });

  it('refuses suspend_data and location over the SCORM 2004 limits', () => {
    const { lms } = launch();
    lms.start();
    expect(lms.save({ location: 'p', suspendData: 'x'.repeat(64001) })).toBe(false);
    expect(lms.lastError).toMatch(/64001.*64000/);
    expect(lms.save({ location: 'l'.repeat(1001), suspendData: '' })).toBe(false);
    expect(lms.lastError).toMatch(/1000/);
    expect(lms.save({ location: 'l'.repeat(1000), suspendData: 'x'.repeat(64000) })).toBe(true);
    // A reflection's length limit is saveReflection's (reflections.test.ts): no long-fill-in is written.
    const long = { ...sampleRecords[5]!, learner: 'w'.repeat(4000) } as (typeof sampleRecords)[number];
    expect(lms.recordInteraction(long)).toBe(true);
  });

  it('can be forced to SCORM 1.2 through the launch URL', () => {
    window.history.replaceState(null, '', '/index.html?standard=scorm12');
    try {
      (window as Win).API = newScorm12();
      (window as Win).API_1484_11 = newScorm2004();
      expect(connectLms(window, 'c').standard).toBe('scorm12');
    } finally {
      window.history.replaceState(null, '', '/index.html');
    }
  });
});

describe('Scorm2004Connection against a failing API', () => {
  const fakeApi = (overrides: Partial<Record<keyof Scorm2004Api, () => unknown>> = {}): Scorm2004Api =>
    fakeScorm2004Api({ ...overrides });

  it("returns false with the LMS's error when a call returns 'false'", () => {
    const lms = new Scorm2004Connection(
      fakeApi({ Commit: () => 'false', GetLastError: () => '391', GetErrorString: () => 'General Commit Failure' }),
      { courseId: 'c' },
    );
    lms.start();
    expect(lms.save({ location: 'a', suspendData: 'b' })).toBe(true);
    expect(lms.commit()).toBe(false);
    expect(lms.lastError).toBe('Commit failed: 391 General Commit Failure');
    expect(lms.finish(true)).toBe(false);
    expect(lms.finish(true)).toBe(true);
  });

  it('never throws when the API throws', () => {
    const boom = (): never => {
      throw new TypeError('gone');
    };
    const lms = new Scorm2004Connection(fakeApi({ Initialize: boom }), { courseId: 'c' });
    expect(lms.start()).toBeNull();
    expect(lms.lastError).toMatch(/Initialize threw: TypeError: gone/);
    expect(lms.setResult(result)).toBe(false);
    expect(lms.finish(false)).toBe(false);
  });
});
