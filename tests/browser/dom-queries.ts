/** Queries through shadow roots, the way the component tests read what a learner sees. */

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** querySelector through a chain of shadow roots: q(el, 'course-question', 'input'). */
export function q<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let node: Element = root;
  for (const selector of selectors) {
    const next = (node.shadowRoot ?? node).querySelector(selector);
    if (!next) throw new Error(`not found: ${selectors.join(' > ')} (at ${selector})`);
    node = next;
  }
  return node as T;
}

/** All matches of the last selector after walking the others with q(). */
export function qa<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T[] {
  const last = selectors.pop()!;
  const host = selectors.length ? q(root, ...selectors) : root;
  return [...(host.shadowRoot ?? host).querySelectorAll<T>(last as string)] as T[];
}

/** Every element below host (through shadow roots) that sticks out to the right of host. */
export function overflowing(host: Element): string[] {
  const right = host.getBoundingClientRect().right + 0.5;
  const out: string[] = [];
  const walk = (root: ParentNode) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.getBoundingClientRect().right > right) out.push(node.localName);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(host.shadowRoot ?? host);
  return out;
}

/** An element's text with white space collapsed, as a learner reads it. */
export const text = (node: Element): string => node.textContent!.replace(/\s+/g, ' ').trim();
