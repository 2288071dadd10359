import { expect, fixture, html } from '@open-wc/testing';
import { qa } from '../../tests/browser/dom-queries';
import { record, settle } from '../../tests/browser/question-fixtures';
import { ordering } from '../../tests/browser/question-items';
import './course-ordering';
import type { CourseOrdering } from './course-ordering';

const pointerTypes = new Set(['pointermove', 'pointerup', 'pointercancel']);

/**
 * Runs `fn` while counting the pointer listeners on window that were added and not yet removed,
 * which is what a drag leaves behind when it never ends.
 */
async function withWindowListeners(fn: (live: () => number) => Promise<void>): Promise<void> {
  const { addEventListener: add, removeEventListener: remove } = window;
  const live = new Set<unknown>();
  window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
    if (pointerTypes.has(args[0])) live.add(args[1]);
    return add.apply(this, args);
  } as Window['addEventListener'];
  window.removeEventListener = function (this: Window, ...args: Parameters<Window['removeEventListener']>) {
    if (pointerTypes.has(args[0])) live.delete(args[1]);
    return remove.apply(this, args);
  } as Window['removeEventListener'];
  try {
    await fn(() => live.size);
  } finally {
    window.addEventListener = add;
    window.removeEventListener = remove;
  }
}

const pointer = (type: string, x: number, y: number) =>
  new PointerEvent(type, {
    bubbles: true,
    composed: true,
    pointerId: 3,
    pointerType: 'mouse',
    isPrimary: true,
    button: type === 'pointermove' ? -1 : 0,
    clientX: x,
    clientY: y,
  });

/** Starts dragging the first step of a fresh course-ordering by 40 px; returns the element and the card. */
async function dragFirstStep(): Promise<[CourseOrdering, HTMLElement]> {
  const el = await fixture<CourseOrdering>(html`<course-ordering .item=${ordering}></course-ordering>`);
  const card = qa(el, 'li.card')[0]!;
  const r = card.getBoundingClientRect();
  card.dispatchEvent(pointer('pointerdown', r.left + 10, r.top + 10));
  card.dispatchEvent(pointer('pointermove', r.left + 10, r.top + 50));
  return [el, card];
}

describe('pointer drag (classify, ordering)', () => {
  it('stops following the pointer when its element is disconnected mid-drag', async () => {
    await withWindowListeners(async (live) => {
      const [el, card] = await dragFirstStep();
      expect(card.hasAttribute('data-dragging')).to.equal(true);
      expect(live()).to.be.greaterThan(0);
      const changes = record(el, 'course-response-change');
      el.remove();
      // Nothing keeps listening on window, and the card is back in place should it be reattached.
      expect(live()).to.equal(0);
      expect(card.hasAttribute('data-dragging')).to.equal(false);
      expect(card.style.transform).to.equal('');
      window.dispatchEvent(pointer('pointerup', 0, 0));
      await settle();
      expect(changes).to.have.length(0);
    });
  });

  it('removes its window listeners when the drag ends', async () => {
    await withWindowListeners(async (live) => {
      const [, card] = await dragFirstStep();
      card.dispatchEvent(pointer('pointercancel', 0, 0));
      expect(live()).to.equal(0);
      expect(card.hasAttribute('data-dragging')).to.equal(false);
    });
  });
});
