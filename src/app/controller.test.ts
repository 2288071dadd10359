import { expect } from '@open-wc/testing';
import '../components/course-shell';
import '../components/course-cover';
import '../components/course-page';
import '../components/course-notice';
import '../components/course-result';
import '../components/course-check';
import '../components/course-final-test';
import { CourseController } from './controller';
import { nl } from '../i18n/nl';
import type { Notice } from '../components/types';
import type { CourseContent, Page, SingleChoiceItem } from '../shared/course-types';
import { FakeLms } from '../../tests/unit/app/fake-lms';

const page = (id: string, title: string, prompts: string[] = []): Page => ({
  id,
  title,
  leerdoelen: ['ld1'],
  minutes: 2,
  sources: ['bron'],
  html: `<p>Tekst van ${title}.</p>`,
  ...(prompts.length ? { prompts: prompts.map((p) => ({ id: p, html: `Vraag ${p}`, text: `Vraag ${p}` })) } : {}),
});

const item: SingleChoiceItem = {
  id: 't1',
  type: 'single-choice',
  leerdoelen: ['ld1'],
  sources: ['bron'],
  scenarioHtml: '',
  questionHtml: 'Welke?',
  description: 'Welke?',
  feedback: { correctHtml: 'Goed.', incorrectHtml: 'Helaas.' },
  options: ['a', 'b'].map((id) => ({ id, html: `Optie ${id}`, correct: id === 'b', feedbackHtml: '' })),
};

const content: CourseContent = {
  id: 'testcursus',
  title: 'Testcursus',
  version: '1.0.0',
  language: 'nl-NL',
  description: '',
  leerdoelen: [{ id: 'ld1', text: 'Leerdoel 1' }],
  passingScore: 70,
  attempts: 2,
  completion: { unlockFinalTest: 'always', completeWhen: 'test-done' },
  theme: { primary: '#1d4ed8', background: '#ffffff', text: '#111111' },
  sources: [{ id: 'bron', title: 'Bron', publisher: 'Uitgever', year: 2024 }],
  modules: [{ id: 'm1', title: 'Module 1', pages: [page('p1', 'Eerste pagina'), page('p2', 'Opdracht', ['v1'])] }],
  finalTest: { id: 'eindtoets', kind: 'final', title: 'Eindtoets', introHtml: '', items: [item] },
};

const launch = { suspendData: '', location: '', resumed: false, learnerName: 'Lid', learnerId: 'l1', reflections: {} };

describe('CourseController (src/app): the thin edge between machine, LMS and view', () => {
  let root: HTMLElement;
  let lms: FakeLms;
  let controller: CourseController;

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    lms = new FakeLms();
    controller = new CourseController(content, lms, launch, root);
    controller.start();
  });

  afterEach(() => {
    controller.finish();
    root.remove();
  });

  /** The notice the shell was given to show ('' for none). */
  const shown = () => (root.querySelector('course-shell') as unknown as { notice: Notice | null }).notice?.text ?? '';
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('renders the cover first, the first page on course-start, and saves the starting point once', async () => {
    await settle();
    expect(root.querySelector('course-page')).to.equal(null);
    expect((root.querySelector('course-cover') as unknown as { resume: boolean }).resume).to.equal(false);
    root
      .querySelector('course-cover')!
      .dispatchEvent(new CustomEvent('course-start', { bubbles: true, composed: true }));
    await settle();
    expect(root.querySelector('course-cover')).to.equal(null);
    expect(root.querySelector('course-page')).to.exist;
    expect(lms.saves).to.have.length(1);
    expect(lms.saves[0]!.location).to.equal('p1');
  });

  it('offers a returning learner to go on where they were', async () => {
    const saved = lms.saves[0]!.suspendData;
    const again = document.createElement('div');
    document.body.append(again);
    const second = new CourseController(content, new FakeLms(), { ...launch, suspendData: saved }, again);
    second.start();
    await settle();
    expect((again.querySelector('course-cover') as unknown as { resume: boolean }).resume).to.equal(true);
    second.finish();
    again.remove();
  });

  it('turns course-next into a step forward, saved with the new bookmark', async () => {
    root.dispatchEvent(new CustomEvent('course-next'));
    await settle();
    expect(lms.saves.at(-1)!.location).to.equal('p2');
    expect((root.querySelector('course-page') as unknown as { page: Page }).page.id).to.equal('p2');
  });

  it('saves a written answer at once and reports it as an interaction when the learner leaves the page', async () => {
    root.dispatchEvent(new CustomEvent('course-next'));
    root.dispatchEvent(
      new CustomEvent('course-reflection-input', { detail: { promptId: 'v1', text: 'Mijn antwoord' } }),
    );
    expect(lms.reflections).to.deep.equal({ v1: 'Mijn antwoord' });
    expect(lms.interactions).to.have.length(0);
    root.dispatchEvent(new CustomEvent('course-previous'));
    expect(lms.interactions.map((r) => r.itemId)).to.deep.equal(['v1']);
  });

  it('ignores written answers for prompts the course does not have', () => {
    root.dispatchEvent(new CustomEvent('course-reflection-input', { detail: { promptId: 'elders', text: 'x' } }));
    expect(lms.reflections).to.deep.equal({});
  });

  it('tells the learner when a save is refused and stops telling once a save succeeds', async () => {
    lms.refuse.add('commit');
    root.dispatchEvent(new CustomEvent('course-next'));
    await settle();
    expect(shown()).to.contain(nl.notices.saveFailed);
    lms.refuse.clear();
    root.dispatchEvent(new CustomEvent('course-previous'));
    await settle();
    expect(shown()).not.to.contain(nl.notices.saveFailed);
  });

  it('shows the offline-copy notice from the sync status until everything is synced', async () => {
    controller.syncStatusChanged('offline-copy');
    await settle();
    expect(shown()).to.contain(nl.notices.offlineCopy);
    controller.syncStatusChanged('synced');
    await settle();
    expect(shown()).not.to.contain(nl.notices.offlineCopy);
  });

  it('ends the LMS session once, suspended while the learner is not done, and then ignores events', () => {
    controller.finish();
    controller.finish();
    expect(lms.finishedWith).to.equal(false);
    const saves = lms.saves.length;
    root.dispatchEvent(new CustomEvent('course-next'));
    expect(lms.saves.length).to.equal(saves);
  });
});
