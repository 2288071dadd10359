import { LitElement, css, html, nothing, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { scoreItem } from '../assessment/score';
import type {
  Item,
  MultipleResponseItem,
  Option,
  SingleChoiceItem,
  Source,
  TrueFalseItem,
} from '../shared/course-types';
import { nl } from '../i18n/nl';
import type { OptionFeedback } from './course-feedback';
import './course-feedback';
import { baseStyles } from './shared-styles';

/** Detail of `course-response-change`, `course-answer` and `course-check-answer`. */
export interface ResponseDetail {
  itemId: string;
  response: string[];
}

export type ChoiceItem = SingleChoiceItem | MultipleResponseItem | TrueFalseItem;

export const emit = (host: HTMLElement, name: string, detail: unknown = null) =>
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));

/** The options of a choice item; true-false is two options with ids 'true' and 'false'. */
export function optionsOf(item: ChoiceItem): Option[] {
  if (item.type !== 'true-false') return item.options;
  return [
    { id: 'true', html: nl.questions.true, correct: item.answer, feedbackHtml: item.feedbackTrueHtml },
    { id: 'false', html: nl.questions.false, correct: !item.answer, feedbackHtml: item.feedbackFalseHtml },
  ];
}

/** `list` in the display `order` (ids); entries missing from it keep their authored order at the end. */
export function inOrder<T extends { id: string }>(list: readonly T[], order: readonly string[] | null): T[] {
  const rank = (id: string) => (order?.includes(id) ? order.indexOf(id) : Infinity);
  return order ? [...list].sort((a, b) => rank(a.id) - rank(b.id)) : [...list];
}

/** Plain text of sanitised build HTML, for aria-labels and announcements. */
export function textOf(markup: string): string {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content.textContent!.replace(/\s+/g, ' ').trim();
}

/** The first of `elements` whose box contains the point (the drop target of a pointer drag). */
export const hit = (elements: Iterable<Element>, x: number, y: number): HTMLElement | undefined =>
  [...elements].find((el) => {
    const r = el.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }) as HTMLElement | undefined;

/**
 * Pointer drag of a card (classify, ordering): the extra way for mouse, touch and pen users; the
 * radios/buttons stay the accessible way. The card follows the pointer; on release `drop` gets the
 * point. It starts only after a few pixels and never on a control, so clicks stay clicks. Moves are
 * followed on window (they bubble there whether or not the pointer is still over the card).
 */
export function pointerDrag(down: PointerEvent, drop: (x: number, y: number) => void) {
  const card = down.currentTarget as HTMLElement;
  if (down.button !== 0 || (down.target as Element).closest('input, label, button')) return;
  let moved = false;
  const move = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    const dx = e.clientX - down.clientX;
    const dy = e.clientY - down.clientY;
    moved ||= Math.abs(dx) + Math.abs(dy) > 5;
    if (moved) card.style.transform = `translate(${dx}px, ${dy}px)`;
    card.toggleAttribute('data-dragging', moved);
  };
  const end = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    for (const type of ['pointermove', 'pointerup', 'pointercancel'] as const) {
      removeEventListener(type, type === 'pointermove' ? move : end);
    }
    card.style.transform = '';
    card.removeAttribute('data-dragging');
    if (moved && e.type === 'pointerup') drop(e.clientX, e.clientY);
  };
  addEventListener('pointermove', move);
  addEventListener('pointerup', end);
  addEventListener('pointercancel', end);
}

/** Styles of every question element: question fieldset, labelled radio options, draggable cards. */
export const questionStyles = [
  baseStyles,
  css`
    fieldset {
      /* The default min-width: min-content would overflow at 320 px. */
      min-width: 0;
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 0.75rem;
      font-size: 1.125rem;
      font-weight: 600;
    }
    .hint {
      display: block;
      font-size: 1rem;
      font-weight: 400;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-height: 44px; /* the whole label is the target (WCAG 2.5.5) */
      margin: 0 0 0.5rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      cursor: pointer;
    }
    .option:has(input:checked) {
      border: 2px solid var(--_primary);
      padding: calc(0.5rem - 1px) calc(0.75rem - 1px);
    }
    /* Ring the whole option (the target), not just the small input. */
    .option:has(input:focus-visible) {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }
    .option input:focus-visible {
      outline: none;
    }
    @supports not selector(:has(*)) {
      .option input:focus-visible {
        outline: 3px solid var(--_primary);
      }
    }
    input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_primary);
      cursor: inherit;
    }
    fieldset:disabled .option {
      cursor: not-allowed;
      opacity: 0.7;
    }
    .label > :last-child {
      margin-bottom: 0;
    }
    .card {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      /* The card itself is the drag handle; selecting its text would fight the drag. */
      user-select: none;
    }
    .card[data-dragging] {
      position: relative;
      z-index: 1;
      box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.3);
      cursor: grabbing;
    }
  `,
];

/**
 * What every question element shares (docs/components.md): the properties, the scenario, a slot
 * "actions" (e.g. the "Controleer" button of a knowledge check, so it sits between the question and
 * the feedback) and a polite live region that is always present, so feedback inserted into it is
 * announced. Subclasses render the body and the feedback for their item type.
 */
export class QuestionBase<T extends Item = Item> extends LitElement {
  // Widened types so subclasses can add their own (Lit merges inherited property declarations).
  static override properties: PropertyDeclarations = {
    item: { attribute: false },
    response: { attribute: false },
    showFeedback: { type: Boolean, attribute: 'show-feedback' },
    disabled: { type: Boolean, reflect: true },
    sources: { attribute: false },
    order: { attribute: false },
  };

  static override styles: CSSResultGroup = questionStyles;

  declare item: T | null;
  declare response: string[] | null;
  declare showFeedback: boolean;
  declare disabled: boolean;
  declare sources: Source[];
  /** Ids of options/statements/steps in display order; null = authored (ordering: a fixed shuffle). */
  declare order: string[] | null;

  constructor() {
    super();
    this.item = null;
    this.response = null;
    this.showFeedback = false;
    this.disabled = false;
    this.sources = [];
    this.order = null;
  }

  /** Moves focus to the feedback heading once rendered; false when no feedback is shown. */
  async focusFeedback(): Promise<boolean> {
    await this.updateComplete;
    return (await this.renderRoot.querySelector('course-feedback')?.focusHeading()) ?? false;
  }

  override render() {
    const item = this.item;
    if (!item) return nothing;
    return html`
      ${
        item.scenarioHtml ? html`<div class="scenario" part="scenario">${unsafeHTML(item.scenarioHtml)}</div>` : nothing
      }
      ${this.renderBody(item)}
      <slot name="actions"></slot>
      <div role="status" part="live">${this.showFeedback ? this.renderFeedback(item) : nothing}</div>
    `;
  }

  protected renderBody(_item: T): unknown {
    return nothing;
  }

  protected renderFeedback(_item: T): unknown {
    return nothing;
  }

  /** The legend of the question fieldset: the question and an optional hint. */
  protected legend(item: T, hint?: string) {
    return html`<legend part="legend">
      ${unsafeHTML(item.questionHtml)} ${hint ? html`<span class="hint">${hint}</span>` : nothing}
    </legend>`;
  }

  /** course-feedback for the current response; `before`/`after` frame the item-level feedback. */
  protected feedback(item: T, optionFeedback: OptionFeedback[], before = '', after = '') {
    const { correct, score } = scoreItem(item, this.response);
    const sources = item.sources.flatMap((id) => this.sources.filter((s) => s.id === id));
    return html`<course-feedback
      part="feedback"
      exportparts="heading: feedback-heading"
      .correct=${correct}
      .partial=${!correct && score > 0}
      .html=${before + (correct ? item.feedback.correctHtml : item.feedback.incorrectHtml) + after}
      .optionFeedback=${optionFeedback}
      .sources=${sources}
    ></course-feedback>`;
  }

  /** Takes a new response and reports it. */
  protected respond(response: string[]) {
    this.response = response;
    emit(this, 'course-response-change', { itemId: this.item!.id, response } satisfies ResponseDetail);
  }
}

/**
 * The one implementation behind course-single-choice, course-multiple-response and
 * course-true-false (they differ only in their options and input type, both derived from
 * `item.type`), so the learner bundle carries this code once: a fieldset whose legend is the
 * question, native radios/checkboxes with real labels.
 */
export class ChoiceQuestion extends QuestionBase<ChoiceItem> {
  protected override renderBody(item: ChoiceItem) {
    const multiple = item.type === 'multiple-response';
    const chosen = new Set(this.response ?? []);
    return html`<fieldset part="fieldset" ?disabled=${this.disabled} @change=${this.#onChange}>
      ${this.legend(item, multiple ? nl.questions.chooseAll : '')}
      ${inOrder(optionsOf(item), this.order).map(
        (o) =>
          html`<label class="option" part="option">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name="choice"
              .value=${o.id}
              .checked=${live(chosen.has(o.id))}
            />
            <span class="label">${unsafeHTML(o.html)}</span>
          </label>`,
      )}
    </fieldset>`;
  }

  protected override renderFeedback(item: ChoiceItem) {
    const chosen = new Set(this.response ?? []);
    const { correct } = scoreItem(item, this.response);
    // The chosen options, and when wrong also the correct ones that were missed, as shown.
    return this.feedback(
      item,
      inOrder(optionsOf(item), this.order)
        .filter((o) => chosen.has(o.id) || (!correct && o.correct))
        .map((o) => ({ label: o.html, html: o.feedbackHtml, correct: o.correct, chosen: chosen.has(o.id) })),
    );
  }

  #onChange() {
    const item = this.item;
    if (!item) return;
    const checked = new Set(
      [...this.renderRoot.querySelectorAll('input')].filter((input) => input.checked).map((input) => input.value),
    );
    // In authored order, whatever the display order (the response format of multiple-response).
    this.respond(
      optionsOf(item)
        .filter((o) => checked.has(o.id))
        .map((o) => o.id),
    );
  }
}

/** Layout shared by course-check and course-final-test. */
export const assessmentStyles = css`
  .item {
    margin: 1.5rem 0;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_border);
  }
  .item h2 {
    font-size: 1rem;
    margin-top: 0.75rem;
  }
  .nav,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin: 1.5rem 0;
  }
  [part='next'] {
    margin-left: auto;
  }
`;
