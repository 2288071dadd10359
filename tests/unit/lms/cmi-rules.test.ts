import { describe, expect, it } from 'vitest';
import { checkScorm12Cmi, checkScorm2004Cmi, isTimestamp2004 } from '../../support/cmi-rules';
import { FIRST_RECORD_12 } from './helpers';

const good12 = {
  'cmi.core.lesson_location': 'p3',
  'cmi.core.lesson_status': 'incomplete',
  'cmi.core.exit': 'suspend',
  'cmi.core.session_time': '0001:02:03.50',
  'cmi.core.score.raw': '83.33',
  'cmi.core.score.min': '0',
  'cmi.core.score.max': '100',
  'cmi.suspend_data': 'x'.repeat(4096),
  'cmi.comments': 'ok',
  'cmi.objectives.0.id': 'ld1',
  'cmi.objectives.0.status': 'passed',
  'cmi.objectives.0.score.raw': '100',
  ...FIRST_RECORD_12,
  'cmi.interactions.1.id': 'm_a1',
  'cmi.interactions.1.type': 'matching',
  'cmi.interactions.1.student_response': 'a.b,b.a',
  'cmi.interactions.2.id': 'tf_a1',
  'cmi.interactions.2.type': 'true-false',
  'cmi.interactions.2.student_response': 't',
  'cmi.interactions.3.id': 'seq_a1',
  'cmi.interactions.3.type': 'sequencing',
  'cmi.interactions.3.student_response': 'c,a,b',
  'cmi.interactions.4.id': 'perf_a1',
  'cmi.interactions.4.type': 'performance',
  'cmi.interactions.4.student_response': 'k0-good,k1-ok',
  'cmi.interactions.5.id': 'refl_a0',
  'cmi.interactions.5.type': 'fill-in',
  'cmi.interactions.5.student_response': 'f'.repeat(255),
};

const U = 'urn:course:c';
const good2004 = {
  'cmi.location': 'p3',
  'cmi.exit': 'suspend',
  'cmi.session_time': 'PT1H2M3.5S',
  'cmi.completion_status': 'incomplete',
  'cmi.success_status': 'unknown',
  'cmi.progress_measure': '0.75',
  'cmi.score.scaled': '0.8333',
  'cmi.score.raw': '83.33',
  'cmi.score.min': '0',
  'cmi.score.max': '100',
  'cmi.suspend_data': 'x'.repeat(64000),
  'cmi.objectives.0.id': `${U}:ld:ld1`,
  'cmi.objectives.0.success_status': 'passed',
  'cmi.objectives.0.completion_status': 'completed',
  'cmi.objectives.0.score.scaled': '1',
  'cmi.objectives.0.description': 'd'.repeat(250),
  'cmi.interactions.0.id': `${U}:item:q1:a1`,
  'cmi.interactions.0.type': 'choice',
  'cmi.interactions.0.objectives.0.id': `${U}:ld:ld1`,
  'cmi.interactions.0.timestamp': '2024-05-06T12:05:09.87Z',
  'cmi.interactions.0.learner_response': 'a[,]c',
  'cmi.interactions.0.correct_responses.0.pattern': 'a[,]b',
  'cmi.interactions.0.result': 'incorrect',
  'cmi.interactions.0.latency': 'PT12.5S',
  'cmi.interactions.0.weighting': '1',
  'cmi.interactions.0.description': 'Vraag',
  'cmi.interactions.1.id': `${U}:item:q2:a1`,
  'cmi.interactions.1.type': 'matching',
  'cmi.interactions.1.learner_response': 's1[.]t1[,]s2[.]t2',
  'cmi.interactions.2.id': `${U}:item:q3:a1`,
  'cmi.interactions.2.type': 'performance',
  'cmi.interactions.2.learner_response': '1[.]luisteren[,]2[.]vragen',
  'cmi.interactions.3.id': `${U}:item:q4:a1`,
  'cmi.interactions.3.type': 'long-fill-in',
  'cmi.interactions.3.learner_response': 'w'.repeat(4000),
  'cmi.interactions.4.id': `${U}:item:q5:a1`,
  'cmi.interactions.4.type': 'sequencing',
  'cmi.interactions.4.learner_response': 'stap-2[,]stap-0[,]stap-1',
  'cmi.interactions.4.correct_responses.0.pattern': 'stap-0[,]stap-1[,]stap-2',
  'cmi.comments_from_learner.0.comment': 'c'.repeat(4000),
  'cmi.comments_from_learner.0.location': 'opdracht-1-vraag-1',
  'cmi.comments_from_learner.0.timestamp': '2024-05-06T12:05:09.87Z',
  'cmi.comments_from_learner.1.comment': '{lang=nl}' + 'c'.repeat(4000),
};

/** Each bad value must produce a violation that names the element. */
function expectViolation(
  check: (c: Record<string, string>) => string[],
  base: Record<string, string>,
  patch: Record<string, string>,
  remove: string[] = [],
) {
  const cmi: Record<string, string> = { ...base, ...patch };
  for (const k of remove) delete cmi[k];
  const problems = check(cmi);
  const key = Object.keys(patch)[0] ?? remove[0]!;
  expect(
    problems.some((p) => p.includes(key.replace(/\.\d+\..*$/, ''))),
    `${JSON.stringify(patch)} -> ${problems.join(' | ')}`,
  ).toBe(true);
}

describe('checkScorm12Cmi', () => {
  it('accepts valid data', () => {
    expect(checkScorm12Cmi(good12)).toEqual([]);
    expect(checkScorm12Cmi({ ...good12, 'cmi.core.exit': '', 'cmi.core.session_time': '00:00:05.5' })).toEqual([]);
  });

  it.each<Record<string, string>>([
    { 'cmi.suspend_data': 'x'.repeat(4097) },
    { 'cmi.core.lesson_location': 'l'.repeat(256) },
    { 'cmi.core.exit': 'normal' },
    { 'cmi.core.session_time': 'PT5S' },
    { 'cmi.core.session_time': '00:61:00' },
    { 'cmi.core.score.raw': '101' },
    { 'cmi.core.score.raw': 'abc' },
    { 'cmi.core.lesson_status': 'done' },
    { 'cmi.comments': 'c'.repeat(4097) },
    { 'cmi.interactions.0.id': 'kc1 begrip' },
    { 'cmi.interactions.0.id': 'urn:x:y' },
    { 'cmi.interactions.0.id': 'x'.repeat(256) },
    { 'cmi.interactions.0.type': 'long-fill-in' },
    { 'cmi.interactions.0.student_response': 'opt-a' },
    { 'cmi.interactions.0.student_response': 'a[,]c' },
    { 'cmi.interactions.0.correct_responses.0.pattern': 'A' },
    { 'cmi.interactions.0.time': '2024-05-06T14:05:09' },
    { 'cmi.interactions.0.time': '25:00:00' },
    { 'cmi.interactions.0.result': 'incorrect' },
    { 'cmi.interactions.0.latency': 'PT1S' },
    { 'cmi.interactions.0.objectives.0.id': 'ld 1' },
    { 'cmi.interactions.1.student_response': 'a-b' },
    { 'cmi.interactions.2.student_response': 'true' },
    { 'cmi.interactions.7.id': 'gap' },
    { 'cmi.interactions.0.learner_response': 'a' },
    { 'cmi.exit': 'suspend' },
    { 'cmi.objectives.0.status': 'unknown' },
    { 'cmi.interactions.3.student_response': 'stap-1,stap-0' },
    { 'cmi.interactions.3.student_response': 'c;a;b' },
    { 'cmi.interactions.4.student_response': 'k'.repeat(256) },
    { 'cmi.interactions.5.student_response': 'f'.repeat(256) },
    { 'cmi.interactions.1.correct_responses.0.pattern': 's1[.]t1' },
  ])('rejects %o', (patch) => expectViolation(checkScorm12Cmi, good12, patch));

  it('requires a type before responses', () => {
    expectViolation(checkScorm12Cmi, good12, {}, ['cmi.interactions.0.type']);
  });
});

describe('checkScorm2004Cmi', () => {
  it('accepts valid data', () => {
    expect(checkScorm2004Cmi(good2004)).toEqual([]);
    expect(checkScorm2004Cmi({ ...good2004, 'cmi.exit': 'normal', 'cmi.session_time': 'PT0S' })).toEqual([]);
  });

  it.each<Record<string, string>>([
    { 'cmi.suspend_data': 'x'.repeat(64001) },
    { 'cmi.location': 'l'.repeat(1001) },
    { 'cmi.exit': 'quit' },
    { 'cmi.session_time': 'PT1.234S' },
    { 'cmi.session_time': '0000:00:01.00' },
    { 'cmi.session_time': 'PT' },
    { 'cmi.score.scaled': '1.2' },
    { 'cmi.score.scaled': '-1.5' },
    { 'cmi.score.raw': '120' },
    { 'cmi.progress_measure': '2' },
    { 'cmi.completion_status': 'passed' },
    { 'cmi.success_status': 'completed' },
    { 'cmi.interactions.0.id': 'q1_a1' },
    { 'cmi.interactions.0.id': 'urn:course:has space' },
    { 'cmi.interactions.0.learner_response': 'a,c' },
    { 'cmi.interactions.0.learner_response': 'a[,]a' },
    { 'cmi.interactions.0.correct_responses.0.pattern': 'a b' },
    { 'cmi.interactions.0.timestamp': '2024-05-06T12:05:09.876Z' },
    { 'cmi.interactions.0.timestamp': '2024-05-06T12:05:09Z' },
    { 'cmi.interactions.0.timestamp': '06-05-2024' },
    { 'cmi.interactions.0.result': 'wrong' },
    { 'cmi.interactions.0.latency': '0000:00:12.50' },
    { 'cmi.interactions.0.description': 'd'.repeat(251) },
    { 'cmi.interactions.0.objectives.0.id': 'ld1' },
    { 'cmi.interactions.1.learner_response': 's1.t1,s2.t2' },
    { 'cmi.interactions.2.learner_response': 'luisteren,vragen' },
    { 'cmi.interactions.3.learner_response': 'w'.repeat(4001) },
    { 'cmi.objectives.0.description': 'd'.repeat(251) },
    { 'cmi.objectives.1.id': `${U}:ld:ld1` },
    { 'cmi.core.exit': 'suspend' },
    { 'cmi.interactions.0.student_response': 'a' },
    { 'cmi.interactions.4.learner_response': 'stap-2,stap-0' },
    { 'cmi.interactions.4.correct_responses.0.pattern': 'stap 0[,]stap-1' },
    { 'cmi.interactions.1.learner_response': 's1[.]t1[.]x' },
    { 'cmi.interactions.2.learner_response': `1[.]${'a'.repeat(251)}` },
    { 'cmi.interactions.3.learner_response': '{geen taal} tekst' },
    { 'cmi.comments_from_learner.0.comment': 'c'.repeat(4001) },
    { 'cmi.comments_from_learner.0.comment': '{lang=nl}' + 'c'.repeat(4001) },
    { 'cmi.comments_from_learner.0.comment': '{x} begint met accolade' },
    { 'cmi.comments_from_learner.0.location': 'l'.repeat(251) },
    { 'cmi.comments_from_learner.0.timestamp': '2024-05-06T12:05:09.876Z' },
    { 'cmi.comments_from_learner.0.timestamp': '6 mei 2024' },
    { 'cmi.comments_from_learner.3.comment': 'gat' },
  ])('rejects %o', (patch) => expectViolation(checkScorm2004Cmi, good2004, patch));

  it('knows the 2004 timestamp grammar', () => {
    for (const ok of [
      '2024',
      '2024-05',
      '2024-05-06T12',
      '2024-05-06T12:05:09',
      '2024-05-06T12:05:09.8+02:00',
      '2024-05-06T12:05:09.87-05',
    ]) {
      expect(isTimestamp2004(ok), ok).toBe(true);
    }
    for (const bad of ['2024-13-01', '2024-05-06T24:00:00', '2024-05-06T12:05:09+02:00', '2024-05-06 12:05']) {
      expect(isTimestamp2004(bad), bad).toBe(false);
    }
  });
});
