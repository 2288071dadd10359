import { html, nothing, svg } from 'lit';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { READING_CLASS, controlStyles, revealIfHidden } from './read-aloud-view';
import { dutchVoice, readingBlocks, speechChunks, type ReadingBlock } from './read-aloud-text';
import { baseStyles } from './shared-styles';

const s = nl.readAloud;

type Mode = 'idle' | 'reading' | 'paused';

/** At most one element reads at a time: the speech queue is shared by the whole document. */
const speaking: { reader: CourseReadAloud | null } = { reader: null };

const icons = {
  start: svg`<path d="M3 9v6h4l5 4V5L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z" />`,
  pause: svg`<path d="M6 5h4v14H6zm8 0h4v14h-4z" />`,
  resume: svg`<path d="M8 5v14l11-7z" />`,
  stop: svg`<path d="M6 6h12v12H6z" />`,
};
const icon = (shape: keyof typeof icons) =>
  html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${icons[shape]}</svg>`;

/**
 * "Voorlezen": reads the text of the elements named by `for` aloud with the browser's speech
 * synthesis in a Dutch voice, one block at a time (heading, paragraph, list item, table cell, the
 * text alternative of an image or diagram; never buttons or hidden content), and highlights the
 * block being read (nothing finer: word boundaries are unreliable with many voices), scrolling it
 * into view only when it is off screen, without moving focus. While reading, the button pauses
 * ("Pauzeer") and resumes ("Verder voorlezen"), and "Stop" ends it; Escape stops too. The state is
 * in the button's name and announced in a status line. While reading with their place scrolled out
 * of view, the buttons float in the bottom corner (icons only on a narrow screen). Renders nothing where speech synthesis or a
 * Dutch voice is missing (voices may arrive later, with `voiceschanged`); hidden in print. Stops when
 * it leaves the document and when another instance starts reading. Holders of the text include
 * `readAloudHighlightStyles` (read-aloud-view.ts) in their styles so the highlight shows.
 *
 * @summary Reads the page aloud in a Dutch voice, block by block, with a highlight.
 * @csspart controls - The group of buttons.
 * @csspart toggle - "Voorlezen", "Pauzeer" or "Verder voorlezen".
 * @csspart stop - "Stop" (while reading or paused).
 * @csspart status - The status line: the state for screen readers, a visible message when speech fails.
 * @cssprop [--course-read-aloud-highlight=var(--course-surface)] - Background of the block being read (set where the text is, e.g. on `course-page`); an outline in the primary colour marks it too.
 */
export class CourseReadAloud extends CourseElement {
  static override properties = {
    htmlFor: { attribute: 'for' },
    synth: { attribute: false },
    voice: { state: true },
    mode: { state: true },
    message: { state: true },
    failed: { state: true },
    away: { state: true },
  };

  static override styles = [baseStyles, controlStyles];

  /** Ids of the elements to read, in reading order, separated by spaces (as `<output for>`), in this element's tree. */
  declare htmlFor: string;
  /** The speech engine; `window.speechSynthesis` where the browser has one, null otherwise (tests inject a fake). */
  declare synth: SpeechSynthesis | null;
  /** The Dutch voice chosen, null while there is none. */
  declare protected voice: SpeechSynthesisVoice | null;
  /** Reading, paused, or neither. */
  declare protected mode: Mode;
  /** The status line's text. */
  declare protected message: string;
  /** Whether the message tells of a failure (then it is visible). */
  declare protected failed: boolean;
  /** Whether this element's place is scrolled out of view (under the sticky bar counts). */
  declare protected away: boolean;
  #boundSynth: SpeechSynthesis | null = null;
  #retries: ReturnType<typeof setTimeout>[] = [];
  #block: ReadingBlock | null = null;
  #chunks: string[] = [];
  #chunk = 0;
  #utterance: SpeechSynthesisUtterance | null = null;
  /** The engine dropped the utterance while paused (some cannot pause): speak it again on resume. */
  #respeak = false;
  #pauseCheck: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.htmlFor = '';
    this.synth = globalThis.speechSynthesis ?? null;
    this.voice = null;
    this.mode = 'idle';
    this.message = '';
    this.failed = false;
    this.away = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#bind();
    window.addEventListener('pagehide', this.#onPageHide);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
    this.#unbind();
    window.removeEventListener('pagehide', this.#onPageHide);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('synth') && this.isConnected && this.synth !== this.#boundSynth) {
      this.stop();
      this.#unbind();
      this.#bind();
    }
    // Floating takes the row out of the flow: keep its place, so the text does not jump.
    const floating = this.#floating();
    const wasFloating = this.shadowRoot?.querySelector('.floating') != null;
    if (floating && !wasFloating) this.style.minHeight = `${this.getBoundingClientRect().height}px`;
    if (!floating) this.style.minHeight = '';
  }

  #floating() {
    return this.mode !== 'idle' && this.away;
  }

  override render() {
    if (!this.voice) return nothing;
    const label = { idle: s.start, reading: s.pause, paused: s.resume }[this.mode];
    const shape = ({ idle: 'start', reading: 'pause', paused: 'resume' } as const)[this.mode];
    return html`<div
        class="controls ${this.#floating() ? 'floating' : ''}"
        part="controls"
        role="group"
        aria-label=${s.controls}
        @keydown=${this.#onKeydown}
      >
        <button class="button secondary" part="toggle" type="button" aria-label=${label} @click=${this.#toggle}>
          ${icon(shape)}<span class="label">${label}</span>
        </button>
        ${
          this.mode === 'idle'
            ? nothing
            : html`<button
                class="button secondary stop"
                part="stop"
                type="button"
                aria-label=${s.stop}
                @click=${() => this.#end(s.stopped)}
              >
                ${icon('stop')}<span class="label">${s.stop}</span>
              </button>`
        }
      </div>
      <p role="status" part="status" class=${this.failed ? 'failed' : 'visually-hidden'}>${this.message}</p>`;
  }

  /** Stops reading (if it is) and removes the highlight. */
  stop(): void {
    if (this.mode === 'idle') return;
    this.#utterance = null; // first: the engine's events for what it drops must not read on
    clearTimeout(this.#pauseCheck);
    this.mode = 'idle';
    document.removeEventListener('scroll', this.#onScroll, { capture: true });
    this.#mark(null);
    if (speaking.reader === this) speaking.reader = null;
    const synth = this.synth;
    if (synth) {
      synth.cancel();
      // Chromium stays paused after cancel(): the next page's speak() would stay silent.
      if (synth.paused) synth.resume();
    }
  }

  #bind() {
    const synth = this.synth;
    this.#boundSynth = synth;
    if (!synth) return;
    synth.addEventListener('voiceschanged', this.#findVoice);
    this.#findVoice();
    // Some browsers fill the list late without firing voiceschanged: look again a few times.
    this.#retries = [250, 1000, 3000].map((ms) => setTimeout(this.#findVoice, ms));
  }

  #unbind() {
    this.#boundSynth?.removeEventListener('voiceschanged', this.#findVoice);
    this.#boundSynth = null;
    this.#retries.forEach(clearTimeout);
    this.#retries = [];
    this.voice = null;
  }

  #findVoice = () => {
    const voice = this.synth ? dutchVoice(this.synth.getVoices()) : null;
    if (voice) this.#retries.forEach(clearTimeout);
    // A reading in progress keeps its voice; the list may change while speaking.
    if (this.mode === 'idle' || voice) this.voice = voice;
  };

  #onPageHide = () => this.stop();

  /** Whether this element's place is out of view; under the phone's sticky bar (about 4rem) counts. */
  #onScroll = () => {
    const box = this.getBoundingClientRect();
    const bar = 4 * parseFloat(getComputedStyle(document.documentElement).fontSize);
    this.away = box.bottom < bar || box.top > window.innerHeight;
  };

  #onKeydown(e: KeyboardEvent) {
    if (e.key === 'Escape' && this.mode !== 'idle') {
      e.preventDefault();
      this.#end(s.stopped);
    }
  }

  #toggle() {
    if (this.mode === 'idle') this.#start();
    else if (this.mode === 'reading') this.#pause();
    else this.#resume();
  }

  #start() {
    const blocks = readingBlocks(this.#roots());
    if (!this.synth || !this.voice || !blocks.length) return;
    if (speaking.reader !== this) speaking.reader?.stop();
    speaking.reader = this;
    this.synth.cancel(); // whatever another page left in the queue
    if (this.synth.paused) this.synth.resume();
    this.mode = 'reading';
    this.#say(s.reading, false);
    // Any scroll container, hence capture on the document; only while reading.
    document.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    this.#onScroll();
    this.#read(blocks[0]!);
  }

  #pause() {
    this.mode = 'paused';
    this.#say(s.paused, false);
    this.synth?.pause();
    // Some engines (Chromium on Android) cannot pause and read on: stop them, and say the piece again on resume.
    this.#pauseCheck = setTimeout(() => {
      const synth = this.synth;
      if (this.mode !== 'paused' || !synth?.speaking || synth.paused) return;
      this.#respeak = true;
      synth.cancel();
    }, 400);
  }

  #resume() {
    clearTimeout(this.#pauseCheck);
    this.mode = 'reading';
    this.#say(s.reading, false);
    const synth = this.synth;
    if (!this.#respeak) return synth?.resume();
    this.#utterance = null;
    if (synth?.paused) synth.resume(); // else the new utterance would wait behind the pause
    this.#speak();
  }

  /** Stops and says why. The Stop button goes away: focus on it moves to the button that stays. */
  #end(message: string, failed = false) {
    const focused = this.shadowRoot?.activeElement;
    const stopHadFocus = focused?.classList.contains('stop') ?? false;
    // A pointer user who stopped the floating row keeps their place; a keyboard user follows the focus.
    const preventScroll = !focused?.matches(':focus-visible');
    this.stop();
    this.#say(message, failed);
    if (stopHadFocus) void this.updateComplete.then(() => this.#toggleButton()?.focus({ preventScroll }));
  }

  #say(message: string, failed: boolean) {
    this.message = message;
    this.failed = failed;
  }

  #toggleButton() {
    return this.shadowRoot?.querySelector<HTMLButtonElement>('[part="toggle"]') ?? null;
  }

  /** The elements named by `for`, in this element's tree. */
  #roots(): Element[] {
    const tree = this.getRootNode() as Document | ShadowRoot;
    return this.htmlFor
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => tree.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
  }

  #read(block: ReadingBlock) {
    this.#mark(block.element);
    this.#block = block;
    this.#chunks = speechChunks(block.text);
    this.#chunk = 0;
    this.#speak();
  }

  /** Speaks the current piece of the current block. */
  #speak() {
    const synth = this.synth;
    const text = this.#chunks[this.#chunk];
    if (!synth || !this.voice || text === undefined) return this.#end(s.failed, true);
    this.#respeak = false;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = this.voice;
    utterance.lang = this.voice.lang || 'nl-NL';
    utterance.addEventListener('end', () => this.#onEnd(utterance));
    utterance.addEventListener('error', (e) => this.#onError(utterance, e));
    // Kept in a field: Chromium drops the events of an utterance nothing refers to.
    this.#utterance = utterance;
    synth.speak(utterance);
  }

  #onEnd(utterance: SpeechSynthesisUtterance) {
    if (utterance !== this.#utterance) return;
    if (this.mode === 'paused') {
      this.#respeak = true;
      return;
    }
    if (++this.#chunk < this.#chunks.length) return this.#speak();
    const next = this.#next();
    if (next) this.#read(next);
    else this.#end(s.finished);
  }

  #onError(utterance: SpeechSynthesisUtterance, e: SpeechSynthesisErrorEvent) {
    if (utterance !== this.#utterance) return;
    const dropped = e.error === 'interrupted' || e.error === 'canceled';
    if (dropped && this.mode === 'paused') this.#respeak = true;
    else if (dropped)
      this.stop(); // someone else cancelled the shared queue
    else this.#end(s.failed, true);
  }

  /** The block after the current one, found again in the live text (a <details> may have opened). */
  #next(): ReadingBlock | null {
    const blocks = readingBlocks(this.#roots());
    const at = blocks.findIndex((b) => b.element === this.#block?.element);
    if (at >= 0) return blocks[at + 1] ?? null;
    // The current block is gone from view: go on with the first block after where it was.
    const was = this.#block?.element;
    const after = was?.isConnected
      ? blocks.find((b) => was.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING)
      : undefined;
    return after ?? null;
  }

  /** Moves the highlight to `element` (none for null) and scrolls it into view if it is not. */
  #mark(element: Element | null) {
    this.#block?.element.classList.remove(READING_CLASS);
    if (!element) {
      this.#block = null;
      return;
    }
    element.classList.add(READING_CLASS);
    revealIfHidden(element);
  }
}

customElements.define('course-read-aloud', CourseReadAloud);

declare global {
  interface HTMLElementTagNameMap {
    'course-read-aloud': CourseReadAloud;
  }
}
