import { expect } from '@open-wc/testing';
import type { ApiCall } from '../emulator-support.js';
import { describeCall } from './call-words.js';
import { indexCourseDocument, type CourseIndex } from './course-index.js';
import { courseJsonOf } from '../../../tests/browser/support/course-json.js';
import { STANDALONE_URL } from '../../../tests/browser/support/course-url.js';
import { cmi5Summary, itemOfInteraction, scormSummary, statusWord } from './learner-summary.js';

const course: CourseIndex = {
  id: 'cursus',
  title: 'Cursus',
  passingScore: 70,
  steps: [
    { kind: 'page', id: 'welkom', moduleId: 'm1', title: 'Welkom' },
    { kind: 'check', id: 'kc-1', moduleId: 'm1', title: 'Kennischeck 1' },
    { kind: 'test', id: 'eindtoets', moduleId: null, title: 'Eindtoets' },
  ],
  items: new Map([
    ['kc-vraag', { id: 'kc-vraag', number: 3, assessment: 'Kennischeck 1', question: 'Wat beschrijft Samira?' }],
  ]),
  codecItems: [],
};

const call = (kind: ApiCall['kind'], args: string[], method = `LMS${kind}`): ApiCall => ({
  seq: 1,
  session: 1,
  method,
  kind,
  args,
  returned: 'true',
  errorCode: 0,
  timestamp: 0,
  injected: false,
  problem: '',
});

describe('the preview in plain words', () => {
  it('names the question an interaction belongs to, in both standards', () => {
    expect(itemOfInteraction('urn:course:cursus:item:kc-vraag:a0')).to.deep.equal({ item: 'kc-vraag', attempt: 0 });
    expect(itemOfInteraction('kc-vraag_a2')).to.deep.equal({ item: 'kc-vraag', attempt: 2 });
    const cmi = { 'cmi.interactions.4.id': 'urn:course:cursus:item:kc-vraag:a0' };
    expect(describeCall(call('SetValue', ['cmi.interactions.4.id', 'x'], 'SetValue'), cmi, course)).to.equal(
      'Antwoord op vraag 3 van Kennischeck 1 (“Wat beschrijft Samira?”) opgeslagen',
    );
    expect(
      describeCall(call('SetValue', ['cmi.interactions.4.result', 'incorrect'], 'SetValue'), cmi, course),
    ).to.equal('Antwoord op vraag 3 van Kennischeck 1 (“Wat beschrijft Samira?”) is onjuist');
  });

  it('says what the other calls do', () => {
    const say = (kind: ApiCall['kind'], ...args: string[]) => describeCall(call(kind, args), {}, course);
    expect(say('SetValue', 'cmi.core.lesson_location', 'kc-1')).to.equal('Bladwijzer gezet op “Kennischeck 1”');
    expect(say('SetValue', 'cmi.core.lesson_status', 'passed')).to.equal('Status: geslaagd');
    expect(say('SetValue', 'cmi.objectives.0.id', 'urn:course:cursus:ld:ld2')).to.equal(
      'Meldt leerdoel ld2 aan bij het LMS',
    );
    expect(say('SetValue', 'cmi.progress_measure', '0.35')).to.equal('Voortgang: 35 %');
    expect(say('SetValue', 'cmi.core.exit', 'suspend')).to.equal('Sluit af om later verder te gaan (exit = suspend)');
    expect(say('GetValue', 'cmi.suspend_data')).to.equal('Haalt de bewaarde voortgang op');
    expect(say('Commit', '')).to.equal('Slaat alles op in het LMS');
    expect(say('GetLastError')).to.equal('Vraagt of de vorige aanroep lukte');
  });

  it('turns the statuses of both standards into the five words', () => {
    expect(statusWord('scorm12', {})).to.equal('niet begonnen');
    expect(statusWord('scorm12', { 'cmi.core.lesson_status': 'INCOMPLETE' })).to.equal('bezig');
    expect(statusWord('scorm12', { 'cmi.core.lesson_status': 'failed' })).to.equal('gezakt');
    expect(statusWord('scorm2004', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown' })).to.equal(
      'voltooid',
    );
    expect(statusWord('scorm2004', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed' })).to.equal(
      'geslaagd',
    );
  });

  it('sums up SCORM 2004 data: progress_measure, scaled score, bookmark title, answered questions', () => {
    const summary = scormSummary(
      {
        standard: 'scorm2004',
        cmi: {
          'cmi.progress_measure': '0.35',
          'cmi.score.scaled': '0.8',
          'cmi.location': 'kc-1',
          'cmi.completion_status': 'incomplete',
          'cmi.interactions.0.id': 'urn:course:cursus:item:kc-vraag:a0',
          'cmi.interactions.1.id': 'urn:course:cursus:item:kc-vraag:a1',
          'cmi.interactions.2.id': 'urn:course:cursus:item:andere:a1',
        },
        save: { savedAt: 1, failedAt: null },
      },
      course,
    );
    expect(summary).to.deep.equal({
      progress: 0.35,
      score: 80,
      status: 'bezig',
      resumeAt: 'Kennischeck 1',
      answered: 2,
      save: { savedAt: 1, failedAt: null },
    });
  });

  it('sums up cmi5 from the statements', () => {
    const statement = (verb: string, extra: Record<string, unknown> = {}) => ({
      verb: { id: `https://w3id.org/xapi/adl/verbs/${verb}` },
      stored: '2026-01-01T10:00:00.000Z',
      ...extra,
    });
    const summary = cmi5Summary(
      {
        statements: [
          statement('launched'),
          statement('initialized'),
          statement('answered', { object: { id: 'https://x/au/item/kc-vraag' } }),
          statement('failed', { result: { score: { scaled: 0.5 } } }),
        ],
        state: { location: 'eindtoets', suspendData: '' },
      },
      course,
    );
    expect(summary).to.include({ status: 'gezakt', score: 50, answered: 1, resumeAt: 'Eindtoets', progress: null });
    expect(summary.save.savedAt).to.equal(Date.parse('2026-01-01T10:00:00.000Z'));
  });

  it('knows the final-test items of a built course, whose bank is stored encoded', async () => {
    const doc = document.implementation.createHTMLDocument('course');
    const block = doc.createElement('script');
    block.type = 'application/json';
    block.id = 'course-content';
    block.textContent = await courseJsonOf(STANDALONE_URL);
    doc.body.append(block);
    const index = indexCourseDocument(doc)!;
    const testItems = [...index.items.values()].filter((item) => item.assessment === 'Eindtoets');
    expect(testItems.length).to.be.greaterThan(10);
    expect(index.codecItems.map((item) => item.id)).to.include.members(testItems.map((item) => item.id));
    expect(index.steps.at(-1)).to.include({ kind: 'test' });
  });
});
