import { css, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { branchEnd, walkBranch } from '../assessment/score';
import type { BranchingItem } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { inOrder } from './display-order';
import { QuestionBase } from './question-base';
import { questionStyles } from './question-styles';

/**
 * A branching conversation: the conversation so far as a list (a polite log, so new turns are
 * announced), the current node's replies as buttons, and at an ending its reflection prompt.
 * Replies are shown in the display `order` (choice ids, shuffled per node by the attempt seed).
 * Response: the ids of the choices made, in order. After a choice focus moves to the newest text.
 *
 * @summary A branching conversation: the learner picks replies until an ending.
 * @csspart conversation - The list of turns so far.
 * @csspart node - One text of the other speaker (or an ending).
 * @csspart reply - One reply the learner chose.
 * @csspart fieldset - The group of reply buttons.
 * @csspart choice - One reply button.
 * @csspart reflection - The reflection prompt at an ending.
 * @csspart restart - The "Opnieuw beginnen" button.
 */
export class CourseBranching extends QuestionBase<BranchingItem> {
  /** The item (`item.type === 'branching'`); nothing is rendered without one. */
  declare item: BranchingItem | null;

  static override styles = [
    questionStyles,
    css`
      .conversation {
        padding: 0;
        list-style: none;
      }
      .conversation > li {
        margin: 0 0 0.75rem;
      }
      .node,
      .reply,
      .reflection {
        margin: 0 0 0.5rem;
        padding: 0.5rem 0.75rem;
        border-left: 0.25rem solid var(--_border);
      }
      .reply {
        margin-left: 1.5rem;
        border-color: var(--_primary);
      }
      .node > :last-child,
      .reflection > :last-child {
        margin-bottom: 0;
      }
      .choices .button {
        /* A block: in a flex button a long word of the reply could not wrap and would stick out. */
        display: block;
        width: 100%;
        margin: 0 0 0.5rem;
        justify-content: flex-start;
        text-align: left;
      }
    `,
  ];

  /** The nodes the response leads through and the valid part of the path (choices per node). */
  #walk(item: BranchingItem) {
    const path = this.response ?? [];
    const { nodes } = walkBranch(item, path);
    // walkBranch stops at the first invalid choice, so every node before the last has its choice.
    const choices = nodes
      .slice(0, -1)
      .flatMap((node, i) => (node.kind === 'step' ? node.choices.filter((c) => c.id === path[i]) : []));
    return { nodes, choices };
  }

  protected override renderBody(item: BranchingItem) {
    const q = nl.questions;
    const { nodes, choices } = this.#walk(item);
    const last = nodes[nodes.length - 1];
    return html`<p class="question" part="legend">${unsafeHTML(item.questionHtml)}</p>
      <div role="log" aria-label=${q.conversation}>
        <ol class="conversation" part="conversation">
          ${nodes.map(
            (node, i) =>
              html`<li>
                <div class="node" part="node" tabindex="-1">
                  ${node.kind === 'step' && node.speaker ? html`<strong>${node.speaker}:</strong>` : nothing}
                  ${unsafeHTML(node.html)}
                </div>
                ${
                  choices[i]
                    ? html`<p class="reply" part="reply"><strong>${q.you}:</strong> ${unsafeHTML(choices[i].html)}</p>`
                    : nothing
                }
              </li>`,
          )}
        </ol>
      </div>
      ${
        last?.kind === 'step'
          ? html`<fieldset class="choices" part="fieldset" ?disabled=${this.disabled}>
              <legend>${q.chooseReply}</legend>
              ${inOrder(last.choices, this.order).map(
                (c) =>
                  html`<button
                    class="button secondary"
                    part="choice"
                    type="button"
                    @click=${() => this.#go([...choices.map((x) => x.id), c.id])}
                  >
                    ${unsafeHTML(c.html)}
                  </button>`,
              )}
            </fieldset>`
          : last
            ? html`<div class="reflection" part="reflection">
                <strong>${q.reflect}</strong>
                ${unsafeHTML(last.reflectionHtml)}
              </div>`
            : nothing
      }
      ${
        choices.length && !this.disabled
          ? html`<p>
              <button class="button secondary" part="restart" type="button" @click=${() => this.#go([])}>
                ${q.restart}
              </button>
            </p>`
          : nothing
      }`;
  }

  protected override renderFeedback(item: BranchingItem) {
    const end = branchEnd(item, this.response ?? []);
    if (!end) return nothing;
    const replies = this.#walk(item).choices.map((c) => ({
      label: c.html,
      html: c.feedbackHtml,
      correct: null,
      what: nl.questions.yourReply,
    }));
    return this.feedback(item, replies, end.feedbackHtml);
  }

  /** Takes the new path and moves focus to the newest text (the start after "Opnieuw beginnen"). */
  async #go(path: string[]) {
    this.respond(path);
    await this.updateComplete;
    [...this.renderRoot.querySelectorAll<HTMLElement>('.node')].pop()?.focus();
  }
}

customElements.define('course-branching', CourseBranching);

declare global {
  interface HTMLElementTagNameMap {
    'course-branching': CourseBranching;
  }
}
