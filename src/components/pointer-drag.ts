import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
 * followed on window (they bubble there whether or not the pointer is still over the card), so a
 * host that leaves the document mid-drag ends its drags: otherwise those listeners would live on.
 */
export class PointerDrag implements ReactiveController {
  /** Ends each drag in progress (one per pointer) without dropping. */
  #active = new Set<() => void>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Call from the card's pointerdown listener (`down.currentTarget` is the card that moves). */
  start(down: PointerEvent, drop: (x: number, y: number) => void): void {
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
    const stop = () => {
      removeEventListener('pointermove', move);
      removeEventListener('pointerup', end);
      removeEventListener('pointercancel', end);
      card.style.transform = '';
      card.removeAttribute('data-dragging');
      this.#active.delete(stop);
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== down.pointerId) return;
      stop();
      if (moved && e.type === 'pointerup') drop(e.clientX, e.clientY);
    };
    addEventListener('pointermove', move);
    addEventListener('pointerup', end);
    addEventListener('pointercancel', end);
    this.#active.add(stop);
  }

  hostDisconnected(): void {
    for (const stop of this.#active) stop();
  }
}
