import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { Page } from '../shared/course-types';
import { samplePage } from '../../tests/browser/question-items';
import './course-read-aloud';
import type { CourseReadAloud } from './course-read-aloud';
import './course-page';
import type { CoursePage } from './course-page';
import { revealIfHidden } from './read-aloud-view';
import { speechChunks } from './read-aloud-text';
import { withForcedColors } from '../../tests/browser/support/forced-colors';

type Voice = Pick<SpeechSynthesisVoice, 'name' | 'lang' | 'localService' | 'default' | 'voiceURI'>;
const voice = (name: string, lang: string, localService = true): Voice => ({
  name,
  lang,
  localService,
  default: false,
  voiceURI: name,
});
const ENGLISH = voice('Daniel', 'en-GB');
const FLEMISH = voice('Ellen', 'nl-BE');
const DUTCH = voice('Xander', 'nl-NL');

/**
 * Stands in for the browser's utterance: the real one accepts only real voices, which a test
 * cannot make. Events are plain Events with the fields the component reads.
 */
class FakeUtterance extends EventTarget {
  voice: Voice | null = null;
  lang = '';
  constructor(public text: string) {
    super();
  }
}

/** A speech engine that speaks only when the test says an utterance ended. */
class FakeSynth extends EventTarget {
  voices: Voice[] = [];
  queue: FakeUtterance[] = [];
  spoken: FakeUtterance[] = [];
  calls: string[] = [];
  paused = false;
  pending = false;
  onvoiceschanged = null;
  get speaking() {
    return this.queue.length > 0;
  }
  getVoices() {
    return this.voices;
  }
  speak(u: FakeUtterance) {
    this.calls.push('speak');
    this.queue.push(u);
    this.spoken.push(u);
  }
  pause() {
    this.calls.push('pause');
    this.paused = true;
  }
  resume() {
    this.calls.push('resume');
    this.paused = false;
  }
  cancel() {
    this.calls.push('cancel');
    const dropped = this.queue;
    this.queue = [];
    for (const u of dropped) u.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
  }
  /** The engine finished the utterance it is speaking. */
  end() {
    const u = this.queue.shift()!;
    u.dispatchEvent(new Event('end'));
  }
  fail(error: string) {
    const u = this.queue.shift()!;
    u.dispatchEvent(Object.assign(new Event('error'), { error }));
  }
  setVoices(voices: Voice[]) {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
  /** What it said, in order. */
  get texts() {
    return this.spoken.map((u) => u.text);
  }
}

const realUtterance = window.SpeechSynthesisUtterance;
let synth: FakeSynth;
let content: HTMLElement;

const TEXT = `
  <h1 id="title">Wat is ervaringsdeskundigheid?</h1>
  <div id="body">
    <p>Ervaring wordt <strong>kennis</strong> als je erop reflecteert.</p>
    <button type="button">Niet voorlezen</button>
    <p hidden>Verborgen alinea</p>
    <p>Zichtbaar<span class="visually-hidden" style="position:absolute;clip:rect(0 0 0 0)"> en verstopt</span>.</p>
    <ul><li>Eerste punt<ul><li>Onderpunt</li></ul></li><li>Tweede punt</li></ul>
    <p><img alt="Drie cirkels die overlappen" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>
    <img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <svg class="diagram" role="img" aria-label="Van ervaring naar deskundigheid" style="display:block" viewBox="0 0 10 10"><text>los label</text></svg>
    <table><tr><th>Rol</th><td>Steunen</td></tr></table>
    <details><summary>Meer lezen</summary><p>Dichtgeklapte tekst</p></details>
  </div>`;
const READING_ORDER = [
  'Wat is ervaringsdeskundigheid?',
  'Ervaring wordt kennis als je erop reflecteert.',
  'Zichtbaar .',
  'Eerste punt',
  'Onderpunt',
  'Tweede punt',
  'Afbeelding: Drie cirkels die overlappen',
  'Afbeelding: Van ervaring naar deskundigheid.',
  'Rol',
  'Steunen',
  'Meer lezen',
];

async function render(withSynth: FakeSynth | null = synth) {
  return fixture<CourseReadAloud>(html`<course-read-aloud for="title body" .synth=${withSynth}></course-read-aloud>`);
}
const root = (el: CourseReadAloud) => el.shadowRoot!;
const toggle = (el: CourseReadAloud) => root(el).querySelector<HTMLButtonElement>('[part="toggle"]');
const stopButton = (el: CourseReadAloud) => root(el).querySelector<HTMLButtonElement>('[part="stop"]');
/** Accessible names; the visible text, where there is one, says the same. */
const names = (el: CourseReadAloud) =>
  [...root(el).querySelectorAll('button')].map((b) => {
    const text = b.textContent!.replace(/\s+/g, ' ').trim();
    expect(b.getAttribute('aria-label')).to.equal(text);
    return text;
  });
const status = (el: CourseReadAloud) => root(el).querySelector('[role="status"]')!.textContent!.trim();
const highlighted = () => [...document.querySelectorAll('.read-aloud-current')];
async function click(el: CourseReadAloud, button: HTMLButtonElement | null) {
  button!.click();
  await el.updateComplete;
}
async function next(el: CourseReadAloud) {
  synth.end();
  await el.updateComplete;
}

beforeEach(() => {
  synth = new FakeSynth();
  synth.voices = [ENGLISH, FLEMISH, DUTCH];
  (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = FakeUtterance;
  content = document.createElement('article');
  content.innerHTML = TEXT;
  document.body.append(content);
});
afterEach(() => {
  window.SpeechSynthesisUtterance = realUtterance;
  content.remove();
});

describe('course-read-aloud: when it shows', () => {
  it('shows nothing where the browser has no speech synthesis', async () => {
    const el = await render(null);
    expect(root(el).querySelector('button')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('shows nothing without a Dutch voice, and the button once one arrives later', async () => {
    synth.voices = [];
    const el = await render();
    expect(root(el).querySelector('button')).to.equal(null);
    synth.setVoices([ENGLISH]);
    await el.updateComplete;
    expect(root(el).querySelector('button')).to.equal(null);
    synth.setVoices([ENGLISH, FLEMISH]);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Voorlezen']);
    await expect(el).to.be.accessible();
  });

  it('reads in the Netherlands voice when there is one, else in the Flemish one', async () => {
    synth.voices = [ENGLISH, voice('Online', 'nl-NL', false), FLEMISH, DUTCH];
    const el = await render();
    await click(el, toggle(el));
    expect(synth.spoken[0]!.voice).to.equal(DUTCH);
    expect(synth.spoken[0]!.lang).to.equal('nl-NL');
    el.stop();
    synth.setVoices([ENGLISH, voice('Ellen', 'nl_BE')]);
    await el.updateComplete;
    await click(el, toggle(el));
    expect(synth.spoken.at(-1)!.voice!.name).to.equal('Ellen');
  });
});

describe('course-read-aloud: reading', () => {
  it('reads the visible text in reading order, one block per utterance, the highlight following', async () => {
    const el = await render();
    await click(el, toggle(el));
    for (const [i, text] of READING_ORDER.entries()) {
      expect(synth.texts.at(-1), `block ${i}`).to.equal(text);
      expect(highlighted()).to.have.length(1);
      expect(highlighted()[0]!.textContent!.replace(/\s+/g, ' ')).to.contain(i === 0 ? 'Wat is' : '');
      if (i === 0) expect(highlighted()[0]!.id).to.equal('title');
      if (i === 1) expect(highlighted()[0]!.localName).to.equal('p');
      if (i === 7) expect(highlighted()[0]!.localName).to.equal('svg');
      if (i === 8) expect(highlighted()[0]!.localName).to.equal('th');
      expect(synth.queue).to.have.length(1); // one at a time: the next waits for the end of this one
      await next(el);
    }
    expect(synth.texts).to.deep.equal(READING_ORDER);
    expect(highlighted()).to.deep.equal([]);
    expect(names(el)).to.deep.equal(['Voorlezen']);
    expect(status(el)).to.equal('Klaar met voorlezen.');
  });

  it('finds the same blocks in a browser without checkVisibility (Safari before 17.4)', async () => {
    const check = Object.getOwnPropertyDescriptor(Element.prototype, 'checkVisibility')!;
    delete (Element.prototype as Partial<Element>).checkVisibility;
    try {
      const el = await render();
      await click(el, toggle(el));
      while (synth.queue.length) await next(el);
      expect(synth.texts).to.deep.equal(READING_ORDER);
    } finally {
      Object.defineProperty(Element.prototype, 'checkVisibility', check);
    }
  });

  it('reads what opened while it was reading', async () => {
    const el = await render();
    await click(el, toggle(el));
    content.querySelector('details')!.open = true;
    while (synth.queue.length) await next(el);
    expect(synth.texts.slice(-2)).to.deep.equal(['Meer lezen', 'Dichtgeklapte tekst']);
  });

  it('speaks a long paragraph in pieces under one highlight', async () => {
    const sentence = 'Een ervaringsdeskundige gebruikt de eigen ervaring om anderen te steunen in hun herstel. ';
    content.querySelector('#body')!.innerHTML = `<p>${sentence.repeat(5)}</p><p>Daarna.</p>`;
    const el = await render();
    await click(el, toggle(el));
    await next(el); // the title
    const paragraph = highlighted()[0];
    expect(paragraph!.localName).to.equal('p');
    const pieces = speechChunks(sentence.repeat(5).trim());
    expect(pieces.length).to.be.greaterThan(1);
    for (const piece of pieces) {
      expect(synth.texts.at(-1)).to.equal(piece);
      expect(highlighted()).to.deep.equal([paragraph]);
      await next(el);
    }
    expect(synth.texts.at(-1)).to.equal('Daarna.');
  });

  it('pauses, resumes and stops, saying so in the button names and the status line', async () => {
    const el = await render();
    const button = toggle(el)!;
    expect(button.textContent!.trim()).to.equal('Voorlezen');
    await click(el, button);
    expect(names(el)).to.deep.equal(['Pauzeer', 'Stop']);
    expect(toggle(el)).to.equal(button); // the same button: focus stays on it
    expect(status(el)).to.equal('De pagina wordt voorgelezen.');
    await click(el, button);
    expect(synth.calls.at(-1)).to.equal('pause');
    expect(names(el)).to.deep.equal(['Verder voorlezen', 'Stop']);
    expect(status(el)).to.equal('Voorlezen gepauzeerd.');
    await expect(el).to.be.accessible();
    await click(el, button);
    expect(synth.calls.at(-1)).to.equal('resume');
    expect(names(el)).to.deep.equal(['Pauzeer', 'Stop']);
    expect(synth.spoken).to.have.length(1); // resumed, not started again
    await next(el);
    expect(highlighted()[0]!.localName).to.equal('p');
    stopButton(el)!.focus();
    await click(el, stopButton(el));
    expect(synth.calls.at(-1)).to.equal('cancel');
    expect(names(el)).to.deep.equal(['Voorlezen']);
    expect(highlighted()).to.deep.equal([]);
    expect(status(el)).to.equal('Voorlezen gestopt.');
    expect(root(el).activeElement).to.equal(button); // not lost with the Stop button
    await expect(el).to.be.accessible();
    // What the engine reports about the cancelled utterance does not read on.
    expect(synth.spoken).to.have.length(2);
  });

  it('starts the piece again on resume when the engine cannot pause', async () => {
    const el = await render();
    await click(el, toggle(el));
    synth.pause = () => synth.calls.push('pause'); // Chromium on Android: pause() does nothing
    await click(el, toggle(el));
    await new Promise((r) => setTimeout(r, 500));
    expect(synth.calls.slice(-2)).to.deep.equal(['pause', 'cancel']);
    expect(names(el)[0]).to.equal('Verder voorlezen');
    await click(el, toggle(el));
    expect(synth.texts).to.deep.equal([READING_ORDER[0], READING_ORDER[0]]);
    await next(el);
    expect(synth.texts.at(-1)).to.equal(READING_ORDER[1]);
  });

  it('stops with Escape', async () => {
    const el = await render();
    await click(el, toggle(el));
    toggle(el)!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Voorlezen']);
    expect(highlighted()).to.deep.equal([]);
  });

  it('stops and says so when the engine fails', async () => {
    const el = await render();
    await click(el, toggle(el));
    synth.fail('synthesis-failed');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Voorlezen']);
    expect(highlighted()).to.deep.equal([]);
    const line = root(el).querySelector<HTMLElement>('[part="status"]')!;
    expect(line.textContent).to.contain('Voorlezen lukt nu niet');
    expect(line.getBoundingClientRect().height).to.be.greaterThan(1); // visible, not only announced
    await expect(el).to.be.accessible();
  });

  it('stops when it leaves the page, and when another one starts reading', async () => {
    const el = await render();
    await click(el, toggle(el));
    const other = await render();
    await click(other, toggle(other));
    expect(names(el)).to.deep.equal(['Voorlezen']);
    expect(names(other)).to.deep.equal(['Pauzeer', 'Stop']);
    expect(highlighted()).to.have.length(1);
    const calls = synth.calls.length;
    other.remove();
    expect(synth.calls.slice(calls)).to.deep.equal(['cancel']);
    expect(highlighted()).to.deep.equal([]);
  });

  it('scrolls the block being read into view only when it is off screen, without moving focus', async () => {
    await setViewport({ width: 360, height: 500 });
    // Instant scrolling: smooth scrolling runs on animation frames, which a background test tab may not get.
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      content.querySelector('#body')!.innerHTML = `<p>Boven.</p><p style="margin-top: 1500px">Onder.</p>`;
      const el = await render();
      const settle = () => new Promise((r) => setTimeout(r, 50));
      const inView = () => {
        const box = highlighted()[0]!.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= 500;
      };
      toggle(el)!.focus(); // scrolls down to the button, below the text
      await click(el, toggle(el));
      await settle();
      expect(inView(), 'title scrolled into view').to.equal(true);
      const y = window.scrollY;
      await next(el); // "Boven.", already on screen: no scrolling
      await settle();
      expect(window.scrollY).to.equal(y);
      await next(el); // "Onder.", off screen
      await settle();
      expect(inView(), 'off-screen block scrolled into view').to.equal(true);
      expect(root(el).activeElement).to.equal(toggle(el));
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      await setViewport({ width: 800, height: 600 });
      window.scrollTo(0, 0);
    }
  });

  it('keeps its buttons at hand while reading when their place is scrolled away, without the text jumping', async () => {
    await setViewport({ width: 360, height: 500 });
    try {
      content.querySelector('#body')!.innerHTML = '<p>Boven.</p><div style="height:1500px"></div>';
      // Above the text, as on the page: the buttons sit under the title.
      const el = await render();
      content.before(el.parentElement!);
      el.parentElement!.style.paddingTop = '200px'; // below where the shell's sticky bar would be
      window.scrollTo(0, 0);
      const controls = () => root(el).querySelector<HTMLElement>('[part="controls"]')!;
      const position = () => getComputedStyle(controls()).position;
      // Scroll events come with a rendering step, which a background test tab may never get: send one.
      const scrollTo = async (y: number) => {
        window.scrollTo(0, y);
        document.dispatchEvent(new Event('scroll'));
        await el.updateComplete;
      };
      await scrollTo(800);
      expect(position(), 'idle: in place').to.equal('static');
      await scrollTo(0);
      await click(el, toggle(el));
      const heightBefore = el.getBoundingClientRect().height;
      const textTop = content.getBoundingClientRect().top + window.scrollY;
      await scrollTo(800);
      expect(position(), 'floats when scrolled away').to.equal('fixed');
      // Narrow: icons only, so the row covers little text; the names stay.
      expect(root(el).querySelector('.label')!.getBoundingClientRect().width).to.equal(0);
      expect(names(el)).to.deep.equal(['Pauzeer', 'Stop']);
      const box = controls().getBoundingClientRect();
      expect(box.bottom).to.be.at.most(500);
      expect(box.top).to.be.at.least(0);
      expect(el.getBoundingClientRect().height).to.equal(heightBefore);
      expect(content.getBoundingClientRect().top + window.scrollY).to.equal(textTop);
      await expect(el).to.be.accessible();
      await scrollTo(0);
      expect(position(), 'back in place').to.equal('static');
      await click(el, stopButton(el));
      await click(el, toggle(el));
      await scrollTo(800);
      // The floating Stop, by mouse: the page stays where the learner is reading.
      const stop = stopButton(el)!.getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [Math.round(stop.x + stop.width / 2), Math.round(stop.y + stop.height / 2)],
      });
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Voorlezen']);
      expect(position(), 'stopped: in place').to.equal('static');
      await new Promise((r) => setTimeout(r, 50));
      expect(root(el).activeElement).to.equal(toggle(el));
      expect(window.scrollY).to.equal(800);
      window.scrollTo(0, 0);
      await click(el, toggle(el));
      expect(position(), 'reading again, in view: in place').to.equal('static');
    } finally {
      await setViewport({ width: 800, height: 600 });
      window.scrollTo(0, 0);
    }
  });

  it('is hidden in print', async () => {
    const el = await render();
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(el).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('revealIfHidden', () => {
  it('scrolls a block out from under a sticky bar, and leaves a visible one alone', async () => {
    await setViewport({ width: 360, height: 500 });
    await emulateMedia({ reducedMotion: 'reduce' });
    const bar = Object.assign(document.createElement('div'), {
      style: 'position:fixed;top:0;left:0;right:0;height:100px;background:#fff',
    });
    document.body.append(bar);
    try {
      content.querySelector('#body')!.innerHTML = '<p>Een.</p><p>Twee.</p><div style="height:1500px"></div>';
      const [one, two] = content.querySelectorAll('p');
      two!.style.scrollMarginTop = '120px'; // as the page's highlight style does for the shell's bar
      window.scrollTo(0, two!.getBoundingClientRect().top + window.scrollY - 40);
      expect(two!.getBoundingClientRect().top).to.be.within(0, 100); // inside the viewport, under the bar
      const y = window.scrollY;
      revealIfHidden(two!);
      expect(window.scrollY).to.be.lessThan(y);
      expect(two!.getBoundingClientRect().top).to.be.at.least(100);
      expect(two!.getBoundingClientRect().top).to.be.below(500);
      const after = window.scrollY;
      revealIfHidden(two!);
      expect(window.scrollY).to.equal(after);
      expect(one!.getBoundingClientRect().top).to.be.lessThan(two!.getBoundingClientRect().top);
    } finally {
      bar.remove();
      await emulateMedia({ reducedMotion: 'no-preference' });
      await setViewport({ width: 800, height: 600 });
      window.scrollTo(0, 0);
    }
  });
});

describe('speechChunks', () => {
  it('keeps short text whole and cuts long text after sentences, then commas, then words', () => {
    expect(speechChunks('Kort. Zin.')).to.deep.equal(['Kort. Zin.']);
    expect(speechChunks('Een twee. Drie vier.', 12)).to.deep.equal(['Een twee.', 'Drie vier.']);
    expect(speechChunks('aaa bbb, ccc ddd', 10)).to.deep.equal(['aaa bbb,', 'ccc ddd']);
    expect(speechChunks('aaa bbb ccc ddd', 8)).to.deep.equal(['aaa bbb', 'ccc ddd']);
    for (const piece of speechChunks('woord '.repeat(100), 40)) expect(piece.length).to.be.at.most(40);
  });
});

describe('course-page with read aloud', () => {
  const page: Page = samplePage({
    id: 'p1',
    title: 'Rollen van ervaringsdeskundigen',
    minutes: 3,
    html: '<p>Er zijn verschillende rollen.</p><h2>Steunen</h2><p>Naast de cliënt staan.</p>',
  });
  const real = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
  const useSynth = (value: FakeSynth) =>
    Object.defineProperty(window, 'speechSynthesis', { value, configurable: true, enumerable: true });
  afterEach(() => {
    if (real) Object.defineProperty(window, 'speechSynthesis', real);
  });
  const readAloud = (el: CoursePage) => el.shadowRoot!.querySelector<CourseReadAloud>('course-read-aloud')!;

  it('shows "Voorlezen" under the title only where the browser has a Dutch voice', async () => {
    synth.voices = [ENGLISH];
    useSynth(synth);
    const el = await fixture<CoursePage>(html`<course-page .page=${page}></course-page>`);
    await readAloud(el).updateComplete;
    expect(readAloud(el).shadowRoot!.querySelector('button')).to.equal(null);
    synth.setVoices([ENGLISH, DUTCH]);
    await readAloud(el).updateComplete;
    const button = readAloud(el).shadowRoot!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Voorlezen');
    const title = el.shadowRoot!.querySelector('h1')!;
    expect(title.nextElementSibling).to.equal(readAloud(el));
    await expect(el).to.be.accessible();
  });

  it('reads title and body with a visible highlight, also under forced colours, and stops on another page', async () => {
    useSynth(synth);
    const el = await fixture<CoursePage>(html`<course-page .page=${page}></course-page>`);
    await readAloud(el).updateComplete;
    const first = readAloud(el);
    first.shadowRoot!.querySelector('button')!.click();
    await first.updateComplete;
    expect(synth.texts).to.deep.equal(['Rollen van ervaringsdeskundigen']);
    await next(first);
    expect(synth.texts.at(-1)).to.equal('Er zijn verschillende rollen.');
    const current = el.shadowRoot!.querySelector('.read-aloud-current')!;
    expect(current.textContent).to.equal('Er zijn verschillende rollen.');
    expect(getComputedStyle(current).outlineStyle).to.equal('solid');
    await expect(el).to.be.accessible();
    await withForcedColors(async () => {
      expect(getComputedStyle(current).outlineStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    });
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(current).outlineStyle).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    el.page = { ...page, id: 'p2', title: 'Volgende pagina' };
    await el.updateComplete;
    expect(synth.calls.at(-1)).to.equal('cancel');
    expect(first.isConnected).to.equal(false);
    expect(el.shadowRoot!.querySelector('.read-aloud-current')).to.equal(null);
    expect(readAloud(el).shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Voorlezen');
  });
});
