/**
 * Moves focus to the heading of a screen that just replaced another one, and scrolls it to the top
 * when it is out of view: the window keeps its old scroll position otherwise, so a learner would
 * land on blank space or the end of the previous screen, and a screen reader would stay silent.
 */
export function showHeading(heading: HTMLElement | null | undefined): void {
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  const { top, bottom } = heading.getBoundingClientRect();
  if (top < 0 || bottom > innerHeight) heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}
