import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Leerdoel } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { diagramStyles } from './diagram-styles';
import { baseStyles } from './shared-styles';
import { doneOf, type TocModule } from './types';

/**
 * The screen a learner sees at launch, before the first step: what the course is, how long it
 * takes, what it teaches, its modules with the progress made, and one button to begin ("Start")
 * or to go on ("Verder waar je was"). The button comes before the lists, so on a phone it is on
 * the first screen. It is a view, not a step: the flow and the saved state do not know it.
 *
 * @summary The cover: title, description, duration, leerdoelen, modules with progress, start.
 * @event course-start - "Start" or "Verder waar je was".
 * @csspart cover - The whole cover.
 * @csspart intro - The band with title, description, duration and the button.
 * @csspart illustration - The decorative cover illustration (course.yaml `illustration`), if any.
 * @csspart title - The course title (h1).
 * @csspart description - The short description.
 * @csspart duration - "Studieduur: ongeveer …".
 * @csspart start - The "Start" / "Verder waar je was" button.
 * @csspart leerdoelen - The list of leerdoelen.
 * @csspart modules - The list of modules.
 * @csspart module - One module with its progress.
 */
export class CourseCover extends CourseElement {
  static override styles = [
    baseStyles,
    diagramStyles,
    css`
      /* The illustration is a short band on a phone, so title and button stay on the first screen
         (and absent when even that would crowd: it is decorative); on a wide screen it sits beside
         the description, under a title that keeps the full width. */
      .illustration svg {
        display: block;
        width: 100%;
        height: auto;
        max-height: 5.5rem;
        margin: 0 0 var(--_s3);
      }
      @media (max-width: 22rem) {
        .illustration {
          display: none;
        }
      }
      @media (min-width: 48rem) {
        .intro.with-illustration {
          display: grid;
          grid-template-columns: minmax(0, 1fr) minmax(10rem, 16rem);
          column-gap: var(--_s5);
          align-items: start;
        }
        .intro > * {
          grid-column: 1;
        }
        .intro > h1 {
          grid-column: 1 / -1;
        }
        .intro > .button {
          justify-self: start;
        }
        .intro > .illustration {
          grid-column: 2;
          grid-row: 2 / span 3;
          align-self: center;
        }
        .illustration svg {
          max-height: none;
          margin: 0;
        }
      }
      .intro {
        padding: var(--_s4);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      h1 {
        margin-top: 0;
        /* A course title is often one long compound: it fits a phone's column whole. */
        font-size: clamp(1.25rem, 0.6rem + 2.9vw, 2.25rem);
      }
      .description {
        font-size: var(--_t-lg);
      }
      .duration {
        color: var(--_muted);
      }
      .intro .button {
        margin-top: var(--_s2);
      }
      @media (min-width: 48rem) {
        .intro {
          padding: var(--_s5);
        }
      }
      .modules {
        padding: 0;
        list-style: none;
        counter-reset: module;
      }
      .module {
        padding: var(--_s3) 0;
        border-bottom: 1px solid var(--_border);
        counter-increment: module;
      }
      .module::before {
        content: counter(module) '. ';
        font-weight: 700;
      }
      .module strong {
        font-weight: 600;
      }
      .done {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_s1) var(--_s3);
        color: var(--_muted);
        font-size: var(--_t-sm);
      }
      progress {
        width: 8rem;
        max-width: 100%;
        height: 0.5rem;
      }
    `,
  ];

  /** The course title (the cover's h1). */
  @property({ attribute: false }) courseTitle: string = '';
  /** A short description of the course (plain text). */
  @property({ attribute: false }) description: string = '';
  /** Study time in minutes (shown rounded to 5). */
  @property({ attribute: false }) minutes: number = 0;
  /** The course's leerdoelen. */
  @property({ attribute: false }) leerdoelen: Leerdoel[] = [];
  /** The table of contents (as the shell gets it): the modules and how far the learner is in each. */
  @property({ attribute: false }) toc: TocModule[] = [];
  /** A returning learner: the button says "Verder waar je was". */
  @property({ attribute: false }) resume: boolean = false;
  /**
   * Decorative SVG markup for the cover (`CourseContent.illustrationSvg`), validated at build time by
   * the content compiler; empty for none.
   */
  @property({ attribute: false }) illustration: string = '';

  override render() {
    const c = nl.shell.cover;
    // The final test is the TOC's last group; it is no module to read.
    const modules = this.toc.filter((m) => m.entries.some((e) => e.kind !== 'test'));
    return html`<article part="cover" aria-labelledby="cover-title">
      <div class=${this.illustration ? 'intro with-illustration' : 'intro'} part="intro">
        ${this.illustration ? html`<div class="illustration" part="illustration">${unsafeHTML(this.illustration)}</div>` : nothing}
        <h1 id="cover-title" tabindex="-1" part="title">${this.courseTitle}</h1>
        ${this.description ? html`<p class="description" part="description">${this.description}</p>` : nothing}
        ${
          this.minutes > 0
            ? html`<p class="duration" part="duration">${c.duration(Math.max(5, Math.round(this.minutes / 5) * 5))}</p>`
            : nothing
        }
        <button class="button" part="start" type="button" @click=${() => this.emit('course-start')}>
          ${this.resume ? c.resume : c.start} <span aria-hidden="true">→</span>
        </button>
      </div>
      ${
        this.leerdoelen.length
          ? html`<h2>${c.leerdoelen}</h2>
              <ul part="leerdoelen">
                ${this.leerdoelen.map((l) => html`<li>${l.text}</li>`)}
              </ul>`
          : nothing
      }
      ${
        modules.length
          ? html`<h2>${c.modules}</h2>
              <ol class="modules" part="modules">
                ${modules.map((m) => {
                  const [done, total] = doneOf(m);
                  return html`<li class="module" part="module">
                    <strong>${m.title}</strong>
                    <span class="done">
                      <progress max=${total} .value=${done} aria-hidden="true"></progress>
                      ${c.moduleDone(done, total)}
                    </span>
                  </li>`;
                })}
              </ol>`
          : nothing
      }
    </article>`;
  }
}

customElements.define('course-cover', CourseCover);

declare global {
  interface HTMLElementTagNameMap {
    'course-cover': CourseCover;
  }
}
