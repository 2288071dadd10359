import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { ReflectionPrompt } from '../shared/course-types';
import './course-reflection';
import type { CourseReflection, ReflectionStatus } from './course-reflection';

const prompt: ReflectionPrompt = {
  id: 'opdracht-1-vraag-1',
  html: 'Wat betekent <em>herstel</em> voor jou?',
  text: 'Wat betekent herstel voor jou?',
};

type Detail = { promptId: string; text: string };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function render(opts: Partial<{ value: string; maxChars: number; status: ReflectionStatus }> = {}) {
  const el = await fixture<CourseReflection>(
    html`<course-reflection
      .prompt=${prompt}
      .value=${opts.value ?? ''}
      .maxChars=${opts.maxChars ?? 120}
      .status=${opts.status ?? 'idle'}
    ></course-reflection>`,
  );
  const events: Array<{ type: string; detail: Detail }> = [];
  const record = (e: Event) => events.push({ type: e.type, detail: (e as CustomEvent<Detail>).detail });
  el.addEventListener('course-reflection-input', record);
  el.addEventListener('course-reflection-save', record);
  const root = el.shadowRoot!;
  const textarea = root.querySelector('textarea')!;
  return { el, root, textarea, events };
}

const text = (root: ShadowRoot, selector: string) => root.querySelector(selector)!.textContent!.trim();

describe('course-reflection', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 1024, height: 768 });
  });

  it('has a visible label (the prompt), maxlength and a count tied to the field', async () => {
    const { el, root, textarea } = await render();
    const label = textarea.labels![0]!;
    expect(label.textContent).to.equal('Wat betekent herstel voor jou?');
    expect(label.querySelector('em')).to.not.equal(null);
    expect(label.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(textarea.getAttribute('maxlength')).to.equal('120');
    expect(text(root, '.count')).to.equal('Nog 120 tekens');
    expect(textarea.getAttribute('aria-describedby')).to.equal('count');
    expect(text(root, 'button')).to.equal('Opslaan');
    await expect(el).to.be.accessible();
  });

  it('reports typed text once, debounced, with the exact detail', async () => {
    const { root, textarea, events } = await render();
    textarea.focus();
    await sendKeys({ type: 'Ik herstel' });
    await wait(200);
    expect(events).to.deep.equal([]);
    expect(text(root, '.count')).to.equal('Nog 110 tekens');
    await wait(500);
    expect(events).to.deep.equal([
      { type: 'course-reflection-input', detail: { promptId: prompt.id, text: 'Ik herstel' } },
    ]);
  });

  it('flushes pending text on blur, and only once', async () => {
    const { textarea, events } = await render();
    textarea.focus();
    await sendKeys({ type: 'snel weg' });
    textarea.blur();
    expect(events).to.deep.equal([
      { type: 'course-reflection-input', detail: { promptId: prompt.id, text: 'snel weg' } },
    ]);
    await wait(700);
    expect(events).to.have.length(1);
    // Nothing new typed: focusing and leaving again reports nothing.
    textarea.focus();
    textarea.blur();
    expect(events).to.have.length(1);
  });

  it('flushes pending text on pagehide and through flush()', async () => {
    const { el, textarea, events } = await render();
    textarea.focus();
    await sendKeys({ type: 'a' });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(events.map((e) => e.detail.text)).to.deep.equal(['a']);
    await sendKeys({ type: 'b' });
    el.flush();
    expect(events.map((e) => e.detail.text)).to.deep.equal(['a', 'ab']);
    await wait(700);
    expect(events).to.have.length(2);
  });

  it('enforces maxlength and announces the count only at thresholds', async () => {
    const { root, textarea, events } = await render({ maxChars: 30 });
    const live = root.querySelector('[role="status"]')!;
    textarea.focus();
    await sendKeys({ type: 'abcdefghi' });
    expect(text(root, '.count')).to.equal('Nog 21 tekens');
    expect(live.textContent!.trim()).to.equal('');
    await sendKeys({ type: 'j' });
    await (root.host as CourseReflection).updateComplete;
    expect(live.textContent!.trim()).to.equal('Nog 20 tekens');
    await sendKeys({ type: 'k' });
    await (root.host as CourseReflection).updateComplete;
    // Not every keystroke: the announcement stays at the threshold passed.
    expect(live.textContent!.trim()).to.equal('Nog 20 tekens');
    await sendKeys({ type: 'lmnopqrstuvwxyz0123456789' });
    await (root.host as CourseReflection).updateComplete;
    expect(textarea.value).to.have.length(30);
    expect(textarea.value).to.equal('abcdefghijklmnopqrstuvwxyz0123');
    expect(text(root, '.count')).to.equal('Nog 0 tekens');
    expect(live.textContent!.trim()).to.equal('Nog 0 tekens');
    textarea.blur();
    expect(events.at(-1)!.detail.text).to.equal('abcdefghijklmnopqrstuvwxyz0123');
  });

  it('renders the save status; an error is an alert', async () => {
    const { el, root, textarea } = await render({ status: 'saving' });
    expect(text(root, '.state')).to.equal('Opslaan…');
    expect(text(root, '[role="alert"]')).to.equal('');
    el.status = 'saved';
    await el.updateComplete;
    expect(text(root, '.state')).to.equal('Opgeslagen');
    el.status = 'error';
    await el.updateComplete;
    expect(text(root, '[role="alert"]')).to.equal('Niet opgeslagen — probeer het opnieuw');
    expect(text(root, '.state')).to.equal('');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    el.status = 'idle';
    await el.updateComplete;
    expect(text(root, '[role="alert"]')).to.equal('');
    expect(textarea.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('works by keyboard: Tab flushes, Enter on Opslaan saves and confirms politely', async () => {
    const { el, root, textarea, events } = await render({ value: 'Eerder: ' });
    expect(textarea.value).to.equal('Eerder: ');
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    await sendKeys({ type: 'nu' });
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(root.querySelector('button'));
    await sendKeys({ press: 'Enter' });
    expect(events).to.deep.equal([
      { type: 'course-reflection-input', detail: { promptId: prompt.id, text: 'Eerder: nu' } },
      { type: 'course-reflection-save', detail: { promptId: prompt.id, text: 'Eerder: nu' } },
    ]);
    el.status = 'saving';
    await el.updateComplete;
    el.status = 'saved';
    await el.updateComplete;
    expect(text(root, '[role="status"]')).to.equal('Opgeslagen');
  });

  it('save cancels the waiting debounce (the save carries the text)', async () => {
    const { root, textarea, events } = await render();
    textarea.focus();
    await sendKeys({ type: 'klaar' });
    (root.querySelector('button') as HTMLButtonElement).click();
    await wait(700);
    expect(events.map((e) => e.type)).to.deep.equal(['course-reflection-save']);
    expect(events[0]!.detail).to.deep.equal({ promptId: prompt.id, text: 'klaar' });
  });

  it('does not overwrite unreported typing with an older value from the controller', async () => {
    const { el, textarea } = await render({ value: 'oud' });
    textarea.focus();
    textarea.setSelectionRange(3, 3);
    await sendKeys({ type: 'er' });
    el.value = 'oud';
    await el.updateComplete;
    expect(textarea.value).to.equal('ouder');
    textarea.blur();
    // Once reported, a new value from the controller (e.g. restored state) is shown.
    el.value = 'hersteld';
    await el.updateComplete;
    expect(textarea.value).to.equal('hersteld');
  });

  it('shows learner text literally, never as HTML', async () => {
    const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b>vet</b>';
    const { root, textarea } = await render({ value: evil, maxChars: 0 });
    await wait(50);
    expect(textarea.value).to.equal(evil);
    const printed = root.querySelector('.print-answer')!;
    expect(printed.textContent).to.equal(evil);
    expect(printed.children).to.have.length(0);
    expect(root.querySelectorAll('script, img, b')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    // No limit: no maxlength and no count.
    expect(textarea.hasAttribute('maxlength')).to.equal(false);
    expect(root.querySelector('.count')).to.equal(null);
  });

  it('prints the whole answer as text instead of the field', async () => {
    const answer = Array.from({ length: 30 }, (_, i) => `Regel ${i + 1}`).join('\n');
    const { root, textarea } = await render({ value: answer, maxChars: 2000 });
    const printed = root.querySelector<HTMLElement>('.print-answer')!;
    expect(getComputedStyle(printed).display).to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(printed).display).to.equal('block');
    expect(getComputedStyle(printed).whiteSpace).to.equal('pre-wrap');
    expect(getComputedStyle(textarea).display).to.equal('none');
    expect(getComputedStyle(root.querySelector('button')!).display).to.equal('none');
    expect(printed.textContent).to.equal(answer);
  });

  it('leaves lined room to write by hand when printed without an answer', async () => {
    const { root } = await render({ value: '' });
    await emulateMedia({ media: 'print' });
    try {
      const printed = root.querySelector<HTMLElement>('.print-answer')!;
      expect(getComputedStyle(printed).display).to.equal('block');
      expect(printed.getBoundingClientRect().height).to.be.at.least(150);
      expect(getComputedStyle(printed).backgroundImage).to.contain('repeating-linear-gradient');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('fits 320 px without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el, textarea } = await render({ value: 'Eenheelerglangwoordzonderspatiesdatnietmagoverlopen'.repeat(3) });
    await wait(50);
    expect(el.scrollWidth).to.be.at.most(320);
    expect(textarea.getBoundingClientRect().right).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
