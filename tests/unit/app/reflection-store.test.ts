import { describe, expect, it } from 'vitest';
import { ReflectionStore } from '../../../src/app/reflection-store';
import type { CourseContent, Page } from '../../../src/shared/course-types';

const page = (id: string, prompts: string[]): Page => ({
  id,
  title: id,
  leerdoelen: ['ld1'],
  minutes: 5,
  sources: ['bron'],
  html: '',
  prompts: prompts.map((p) => ({ id: p, html: p, text: `Vraag ${p}` })),
});

const content = {
  modules: [
    { id: 'm1', title: 'M1', pages: [page('intro', []), page('opdracht-1', ['v1', 'v2'])] },
    { id: 'm2', title: 'M2', pages: [page('opdracht-2', ['v3'])] },
  ],
} as unknown as CourseContent;

describe('ReflectionStore', () => {
  it('knows the opdracht pages in course order and their prompts', () => {
    const store = new ReflectionStore(content, {});
    expect(store.pages.map((p) => p.id)).toEqual(['opdracht-1', 'opdracht-2']);
    expect(store.promptIds).toEqual(['v1', 'v2', 'v3']);
    expect(store.has('v3')).toBe(true);
    expect(store.has('elders')).toBe(false);
  });

  it('marks only changed answers as unreported, until reported', () => {
    const store = new ReflectionStore(content, { v1: 'oud' });
    store.update('v1', 'oud');
    expect(store.unreported()).toEqual([]);
    store.update('v1', 'nieuw');
    store.update('v3', 'ander');
    expect(store.unreported().map((r) => [r.prompt.id, r.page.id, r.text])).toEqual([
      ['v1', 'opdracht-1', 'nieuw'],
      ['v3', 'opdracht-2', 'ander'],
    ]);
    expect(store.unreported('v3').map((r) => r.prompt.id)).toEqual(['v3']);
    store.markReported('v1');
    expect(store.unreported().map((r) => r.prompt.id)).toEqual(['v3']);
    expect(store.texts).toEqual({ v1: 'nieuw', v3: 'ander' });
  });

  it('lets one answer use the room the others leave, never below what it holds, never above 4000', () => {
    const store = new ReflectionStore(content, { v1: 'x'.repeat(50), v3: 'y'.repeat(10) });
    // 3 prompts x 100 = 300 shared; the others on the course use 10 (v3) and 50 (v1).
    expect(store.limits(store.pages[0]!, 100)).toEqual({ v1: 290, v2: 240 });
    const full = new ReflectionStore(content, { v1: 'x'.repeat(400) });
    expect(full.limits(full.pages[0]!, 100)).toEqual({ v1: 400, v2: 0 });
    expect(store.limits(store.pages[1]!, 5000)).toEqual({ v3: 4000 });
  });

  it('keeps the save status per prompt', () => {
    const store = new ReflectionStore(content, {});
    store.setStatus('v2', 'saving');
    store.setStatus('v2', 'saved');
    expect(store.statuses).toEqual({ v2: 'saved' });
  });
});
