import type { CourseContent, Page, ReflectionPrompt } from '../shared/course-types';
import { LONG_TEXT_MAX } from '../shared/ids';

export type ReflectionStatus = 'idle' | 'saving' | 'saved' | 'error';

/**
 * The learner's written answers to the opdracht prompts while the course runs: the text per prompt,
 * what the page shows about saving it, and which answers changed since they were last reported as an
 * interaction. It talks to no LMS; src/app/lms-tracker.ts does.
 */
export class ReflectionStore {
  /** Pages with reflection prompts, in course order. */
  readonly pages: Page[];
  readonly #promptPage = new Map<string, Page>();
  readonly #texts: Record<string, string>;
  readonly #status: Record<string, ReflectionStatus> = {};
  readonly #unreported = new Set<string>();

  constructor(content: CourseContent, saved: Readonly<Record<string, string>>) {
    this.pages = content.modules.flatMap((module) => module.pages.filter((page) => page.prompts?.length));
    for (const page of this.pages) for (const prompt of page.prompts ?? []) this.#promptPage.set(prompt.id, page);
    this.#texts = { ...saved };
  }

  has(promptId: string): boolean {
    return this.#promptPage.has(promptId);
  }

  get promptIds(): string[] {
    return [...this.#promptPage.keys()];
  }

  /** Answer text per prompt id (a copy, for the view). */
  get texts(): Record<string, string> {
    return { ...this.#texts };
  }

  /** Save status per prompt id (a copy, for the view). */
  get statuses(): Record<string, ReflectionStatus> {
    return { ...this.#status };
  }

  /** Stores the text; a changed answer is reported again as an interaction later. */
  update(promptId: string, text: string): void {
    if (this.#texts[promptId] !== text) this.#unreported.add(promptId);
    this.#texts[promptId] = text;
  }

  setStatus(promptId: string, status: ReflectionStatus): void {
    this.#status[promptId] = status;
  }

  /** Changed answers not yet reported (only `only` when given), with their prompt and page. */
  unreported(only?: string): Array<{ prompt: ReflectionPrompt; page: Page; text: string }> {
    return [...this.#unreported]
      .filter((id) => !only || id === only)
      .map((id) => {
        const page = this.#promptPage.get(id)!;
        const prompt = page.prompts!.find((p) => p.id === id)!;
        return { prompt, page, text: this.#texts[id] ?? '' };
      });
  }

  markReported(promptId: string): void {
    this.#unreported.delete(promptId);
  }

  /**
   * Characters each prompt of `page` may take when the LMS has room for `fair` per prompt: what one
   * answer leaves unused another may take (SCORM 1.2 keeps them all in one 4,096-character
   * cmi.comments), up to the most one answer may have anywhere (SCORM 2004's 4,000).
   */
  limits(page: Page, fair: number): Record<string, number> {
    const ids = this.promptIds;
    const used = (id: string) => (this.#texts[id] ?? '').length;
    const total = ids.reduce((sum, id) => sum + used(id), 0);
    const limits: Record<string, number> = {};
    for (const prompt of page.prompts ?? []) {
      const shared = fair * ids.length - (total - used(prompt.id));
      limits[prompt.id] = Math.min(LONG_TEXT_MAX, Math.max(shared, used(prompt.id)));
    }
    return limits;
  }
}
