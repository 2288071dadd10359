import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ReflectionPrompt } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';

/**
 * Print the ruled lines, which are a background. On one line because lit-analyzer's CSS data does
 * not know print-color-adjust (it would call it unknown) and it does not check one-line styles.
 */
// prettier-ignore
const printLines = css`@media print { .print-answer.empty { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }`;

export type ReflectionStatus = 'idle' | 'saving' | 'saved' | 'error';

/** Pause in typing after which the draft is reported (and so autosaved by the controller). */
export const REFLECTION_DEBOUNCE_MS = 500;
/** Remaining-character counts that are announced; announcing every keystroke would drown typing. */
const THRESHOLDS = [100, 50, 20, 10, 0];

/**
 * One written answer to an opdracht question: a labelled textarea with a character count and save
 * status. The text is reported debounced, on blur and on pagehide, so no keystroke gets lost.
 * Learner text is only ever rendered as text. The remaining characters are announced at a few
 * thresholds, not on every keystroke.
 *
 * @summary A written answer to one opdracht prompt, saved as the learner types.
 * @event course-reflection-input - The text, 500 ms after typing stops, on blur and when the page is left or hidden.
 * @event course-reflection-save - "Opslaan": the text, at once.
 * @csspart label - The prompt, as the textarea's label.
 * @csspart textarea - The answer field.
 * @csspart print-answer - The full answer as text, shown only when printing; lined room to write when empty.
 * @csspart count - "Nog 120 tekens".
 * @csspart status - "Opslaan…" / "Opgeslagen".
 * @csspart error - The message when saving failed.
 * @csspart save - The "Opslaan" button.
 */
export class CourseReflection extends CourseElement {
  static override styles = [
    baseStyles,
    printLines,
    css`
      :host {
        margin: 0 0 var(--_s6);
      }
      label {
        display: block;
        margin-bottom: 0.5rem;
        font-weight: 600;
      }
      textarea {
        display: block;
        width: 100%;
        min-height: 8rem;
        padding: 0.5rem 0.75rem;
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        font: inherit;
        resize: vertical;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.25rem 1rem;
        margin: 0.25rem 0 0.5rem;
        color: var(--_muted);
      }
      .meta p {
        margin: 0;
      }
      .error {
        color: var(--_danger);
        font-weight: 600;
      }
      /* Kept in the DOM (a live region must exist before its message); takes no room when quiet. */
      .error:empty {
        margin: 0;
      }
      .print-answer {
        display: none;
      }
      @media print {
        textarea,
        .meta,
        .button {
          display: none;
        }
        /* A textarea prints only its visible rows; the full answer is printed as text instead. */
        .print-answer {
          display: block;
          white-space: pre-wrap;
          padding: 0.5rem 0.75rem;
          border-left: 4px solid #767676;
        }
        /* No answer yet: room to write one by hand on the printed page, on ruled lines. */
        .print-answer.empty {
          min-height: 12rem;
          border: 1px solid #767676;
          background: repeating-linear-gradient(transparent 0 1.95rem, #767676 1.95rem 2rem);
        }
      }
    `,
  ];

  /** The question to answer (its HTML is the label). */
  @property({ attribute: false }) prompt: ReflectionPrompt = { id: '', html: '', text: '' };
  /** The saved answer; what the learner types since wins over an older value. */
  @property({ attribute: false }) value: string = '';
  /** Maximum length; 0 or less means no limit and no count. */
  @property({ attribute: false }) maxChars: number = 0;
  /** Save status, shown and (after "Opslaan") announced. */
  @property({ attribute: false }) status: ReflectionStatus = 'idle';
  /** What is in the textarea; may be ahead of `value` until the controller has it. */
  @state() protected draft: string = '';
  /** Text of the polite live region. */
  @state() protected announcement: string = '';
  /** Text typed since the last report, or null when the controller has everything. */
  #pending: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #announced = new Set<number>();
  #explicitSave = false;

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    // A detached element cannot reach the controller any more; the page flushes before it navigates.
    clearTimeout(this.#timer);
  }

  override willUpdate(changed: PropertyValues<this>) {
    const previous = changed.get('prompt') as ReflectionPrompt | undefined;
    if (previous && previous.id !== this.prompt.id) {
      // Reused for another question: report the old one's draft under its own id first.
      if (this.#pending !== null) this.#report('course-reflection-input', previous.id, this.#pending);
      this.draft = this.value;
      this.#announced.clear();
    } else if (changed.has('value') && this.#pending === null) {
      // Never overwrite what the learner typed after the last report with an older echo.
      this.draft = this.value;
    }
    if (changed.has('status') && this.#explicitSave && this.status !== 'saving') {
      if (this.status === 'saved') this.announcement = nl.reflection.saved;
      this.#explicitSave = false;
    }
  }

  /** Reports typed text that is still waiting for the debounce, at once (an arrow: also a listener). */
  flush: () => void = () => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending === null) return;
    const text = this.#pending;
    this.#pending = null;
    this.#report('course-reflection-input', this.prompt.id, text);
  };

  #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  get #remaining(): number {
    return Math.max(0, this.maxChars - this.draft.length);
  }

  override render() {
    const s = nl.reflection;
    const limited = this.maxChars > 0;
    const statusText = this.status === 'saving' ? s.saving : this.status === 'saved' ? s.saved : '';
    return html`
      <label for="answer" part="label">${unsafeHTML(this.prompt.html)}</label>
      <textarea
        id="answer"
        part="textarea"
        rows="6"
        maxlength=${ifDefined(limited ? this.maxChars : undefined)}
        aria-describedby=${limited ? 'count' : nothing}
        aria-invalid=${ifDefined(this.status === 'error' ? 'true' : undefined)}
        .value=${live(this.draft)}
        @input=${this.#onInput}
        @blur=${this.flush}
      ></textarea>
      <div class="print-answer ${this.draft.trim() ? '' : 'empty'}" part="print-answer">${this.draft}</div>
      <div class="meta">
        ${limited ? html`<p id="count" class="count" part="count">${s.remaining(this.#remaining)}</p>` : nothing}
        <p class="state" part="status">${statusText}</p>
      </div>
      <p class="error" part="error" role="alert">${this.status === 'error' ? s.saveFailed : nothing}</p>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <button class="button secondary" part="save" type="button" @click=${this.#onSave}>${s.save}</button>
    `;
  }

  #onInput(e: Event) {
    this.draft = (e.target as HTMLTextAreaElement).value;
    this.#pending = this.draft;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.flush, REFLECTION_DEBOUNCE_MS);
    this.#announceThreshold();
  }

  /** Announces the count once per threshold crossed downwards; going back above re-arms it. */
  #announceThreshold() {
    if (this.maxChars <= 0) return;
    const left = this.#remaining;
    for (const t of THRESHOLDS) {
      if (t >= this.maxChars) continue;
      if (left > t) this.#announced.delete(t);
    }
    const crossed = THRESHOLDS.find((t) => t < this.maxChars && left <= t && !this.#announced.has(t));
    if (crossed === undefined) return;
    for (const t of THRESHOLDS) if (t >= left) this.#announced.add(t);
    this.announcement = nl.reflection.remaining(left);
  }

  #onSave() {
    // The save carries the text, so a waiting debounced report would only repeat it.
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = null;
    this.#explicitSave = true;
    this.announcement = '';
    this.#report('course-reflection-save', this.prompt.id, this.draft);
  }

  #report(name: 'course-reflection-input' | 'course-reflection-save', promptId: string, text: string) {
    this.emit(name, { promptId, text });
  }
}

customElements.define('course-reflection', CourseReflection);

declare global {
  interface HTMLElementTagNameMap {
    'course-reflection': CourseReflection;
  }
}
