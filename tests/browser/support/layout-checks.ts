/**
 * Layout checks a learner would notice, run on a document with the course-shell in it (the course
 * in an iframe, or a component fixture in the test page). Each returns the problems it found as
 * readable strings, so a failing test says what is wrong where.
 */

type Root = Document | ShadowRoot;

/** The host's parent when leaving a shadow root: the flat tree upwards. */
function up(el: Element): Element | null {
  return el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

function textNodes(root: Root): Text[] {
  const found: Text[] = [];
  const visit = (node: Root) => {
    const doc = node.nodeType === Node.DOCUMENT_NODE ? (node as Document) : node.ownerDocument!;
    const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push(n as Text);
    for (const el of Array.from(node.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return found;
}

/** Content width of the block the text flows in (inline ancestors are skipped). */
function lineWidth(el: Element): number {
  let block: Element | null = el;
  while (block && ['inline', 'contents'].includes(getComputedStyle(block).display)) block = up(block);
  if (!block) return Infinity;
  const style = getComputedStyle(block);
  return block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

/**
 * Words split over two lines. Breaking after a hyphen, dash or slash is fine. A word wider than its
 * whole line may be split (in browsers with a Dutch dictionary `hyphens: auto` does it at a syllable;
 * headless Chromium has none), but only under `hyphens: auto` and never because of
 * `overflow-wrap: anywhere` or `word-break`, which split words that would fit on a line of their own.
 */
export function brokenWords(doc: Document): string[] {
  const problems: string[] = [];
  for (const node of textNodes(doc)) {
    const parent = node.parentElement;
    if (!parent || parent.closest('style, script, textarea')) continue;
    for (const match of node.data.matchAll(/[^\s\-\u00ad\u2010-\u2015/]{2,}/g)) {
      const range = doc.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (new Set(rects.map((r) => Math.round(r.top))).size < 2) continue;
      const style = getComputedStyle(parent);
      const where = `"${match[0]}" in <${parent.localName} class="${parent.className}">`;
      if (style.overflowWrap === 'anywhere' || /break-(all|word)/.test(style.wordBreak)) {
        problems.push(`${where} split by overflow-wrap: ${style.overflowWrap}, word-break: ${style.wordBreak}`);
        continue;
      }
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      const line = lineWidth(parent);
      if (width < line - 1) problems.push(`${where} split although it fits a line (${width} of ${line} px)`);
      else if (style.hyphens !== 'auto') problems.push(`${where} too wide for its line and not hyphenated`);
    }
  }
  return problems;
}

/** Horizontal scrolling of the whole page. */
export function horizontalScroll(doc: Document): string[] {
  const { scrollWidth, clientWidth } = doc.documentElement;
  if (scrollWidth <= clientWidth) return [];
  // Name the innermost elements that stick out, so the message says what to fix.
  const out = deepAll(doc, '*').filter((el) => el.getBoundingClientRect().right > clientWidth + 1);
  // Text that overflows its box (a word in a flex item that cannot shrink) sticks out on its own.
  for (const text of textNodes(doc)) {
    const range = doc.createRange();
    range.selectNodeContents(text);
    if (text.parentElement && range.getBoundingClientRect().right > clientWidth + 1) out.push(text.parentElement);
  }
  // What a scroll region (a wide table's) clips does not widen the page.
  const clipped = (el: Element) => {
    for (let a = up(el); a; a = up(a)) {
      if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= clientWidth + 1)
        return true;
    }
    return false;
  };
  const shown = out.filter((el) => !clipped(el));
  const innermost = shown.filter((el) => !shown.some((other) => other !== el && contains(el, other)));
  const names = innermost.slice(0, 5).map((el) => `<${el.localName} class="${el.getAttribute('class') ?? ''}">`);
  return [`the page scrolls sideways: ${scrollWidth} > ${clientWidth} (${names.join(', ')})`];
}

/** The shell's sticky column (wide) or bar (narrow) with header and TOC. */
export function stickyBar(doc: Document): HTMLElement {
  const root = doc.querySelector('course-shell')!.shadowRoot!;
  return root.querySelector<HTMLElement>('.side') ?? root.querySelector<HTMLElement>('header')!;
}

/**
 * Nothing covers the sticky bar and the bar covers nothing at the top: every point along the inside
 * of the bar hits the bar itself, the step starts below it, and the bar stays at the top when the
 * page is scrolled.
 */
export function barProblems(doc: Document): string[] {
  const problems: string[] = [];
  const shell = doc.querySelector('course-shell')!;
  const bar = stickyBar(doc);
  const win = doc.defaultView!;
  const check = (when: string) => {
    const box = bar.getBoundingClientRect();
    if (Math.abs(box.top) > 1) problems.push(`${when}: the bar is at ${box.top}px, not at the top`);
    const y = Math.min(box.bottom, win.innerHeight) - 3;
    for (let x = box.left + 2; x < Math.min(box.right, win.innerWidth); x += 20) {
      const hit = shell.shadowRoot!.elementFromPoint(x, y);
      if (hit && !bar.contains(hit)) problems.push(`${when}: <${hit.localName}> covers the bar at ${x},${y}`);
    }
  };
  // A modal dialog covers the whole page, bar included, on purpose (and makes it inert).
  if (deepAll(doc, 'dialog[open]').length) return problems;
  win.scrollTo(0, 0);
  check('at the top');
  const first = shell.firstElementChild!.getBoundingClientRect();
  const barBox = bar.getBoundingClientRect();
  // A bar across the width (narrow) sits above the step; a sidebar (wide) beside it.
  if (barBox.width >= win.innerWidth / 2 && first.top < barBox.bottom - 1) {
    problems.push(`the step starts under the bar (${first.top} < ${barBox.bottom})`);
  }
  win.scrollTo(0, Math.min(400, doc.documentElement.scrollHeight));
  check('scrolled');
  win.scrollTo(0, 0);
  return problems;
}

/** The focused element, through shadow roots. */
export function deepActive(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Focus is on a heading that is on screen and not under the bar (after a transition). */
export function focusProblems(doc: Document): string[] {
  const active = deepActive(doc);
  if (!active || !/^h[1-3]$/.test(active.localName)) return [`focus is on <${active?.localName}>, not a heading`];
  const box = active.getBoundingClientRect();
  const bar = stickyBar(doc).getBoundingClientRect();
  const below = bar.width >= doc.defaultView!.innerWidth / 2 ? bar.bottom : 0;
  if (box.top < below - 1 || box.top >= doc.defaultView!.innerHeight) {
    return [`the focused heading "${active.textContent?.trim()}" is not visible (top ${box.top}, bar ${below})`];
  }
  return [];
}

/**
 * On a phone, the step's first heading is on the first screen. At 200 % zoom (`startOnly`) a long
 * title under a long module name cannot fit 370 CSS px without shrinking what the zoom enlarged:
 * there its first line must be on the first screen, so the learner sees where the step begins.
 */
export function firstHeadingProblems(doc: Document, { startOnly = false } = {}): string[] {
  const view = doc.querySelector('course-shell')!.firstElementChild!;
  const h1 = view.localName === 'h1' ? view : (view.shadowRoot?.querySelector('h1') ?? view.querySelector('h1'));
  if (!h1) return ['the step has no h1'];
  const box = h1.getBoundingClientRect();
  const height = doc.defaultView!.innerHeight;
  const firstLine = box.top + parseFloat(getComputedStyle(h1).lineHeight);
  if (startOnly)
    return firstLine > height ? [`the first heading's first line ends at ${Math.round(firstLine)}px of ${height}`] : [];
  return box.bottom > height ? [`the first heading ends at ${Math.round(box.bottom)}px of ${height}`] : [];
}

/** Forced colours: only the current TOC entry has the bar that marks it. */
export function tocMarkProblems(doc: Document): string[] {
  const entries = Array.from(
    doc.querySelector('course-shell')!.shadowRoot!.querySelectorAll<HTMLElement>('.toc .entry'),
  );
  return entries
    .filter((e) => (e.getAttribute('aria-current') === 'step') !== parseFloat(getComputedStyle(e).borderLeftWidth) > 0)
    .map(
      (e) => `TOC entry "${e.textContent?.trim()}" (${e.getAttribute('aria-current') ?? 'locked'}) is marked wrongly`,
    );
}

const INTERACTIVE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
const TEXT_BLOCKS =
  'p, h1, h2, h3, h4, h5, h6, li, dt, dd, label, legend, caption, figcaption, blockquote, pre, th, td, img';

/** Every element below root matching selector, through open shadow roots. */
function deepAll(root: Root, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  for (const el of Array.from(root.querySelectorAll('*')))
    if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

/** Is `outer` an ancestor of `inner`, also across shadow roots (slotted content counts as inside its host)? */
function contains(outer: Element, inner: Element): boolean {
  for (let el: Element | null = inner; el; el = up(el)) if (el === outer) return true;
  return false;
}

/** What a learner sees of an element: its boxes, none when hidden, clipped to 1 px or transparent. */
function visibleBoxes(el: Element): DOMRect[] {
  if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return [];
  for (let a: Element | null = el; a; a = up(a)) {
    const style = getComputedStyle(a);
    if (style.position === 'absolute' && style.clip !== 'auto') return [];
  }
  return Array.from(el.getClientRects()).filter((r) => r.width > 1 && r.height > 1);
}

/**
 * Visible interactive elements and text blocks that overlap (nested ones aside): a button over a
 * text, two cards on top of each other. A modal dialog, when one is open, is checked on its own:
 * the page under it is inert. Boxes that only touch or share a border (up to 2 px: tabs drawn over
 * the top border of their panel) do not count.
 */
export function overlapProblems(doc: Document): string[] {
  const dialog = deepAll(doc, 'dialog[open]')[0];
  const selector = `${INTERACTIVE}, ${TEXT_BLOCKS}`;
  const all = dialog
    ? deepAll(dialog.getRootNode() as Root, selector).filter((e) => contains(dialog, e))
    : deepAll(doc, selector);
  const elements = all.map((el) => ({ el, boxes: visibleBoxes(el) })).filter((e) => e.boxes.length > 0);
  const name = (el: Element) =>
    `<${el.localName}> "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
  const problems: string[] = [];
  for (let i = 0; i < elements.length; i++) {
    for (let j = i + 1; j < elements.length; j++) {
      const a = elements[i]!;
      const b = elements[j]!;
      const hit = a.boxes.some((p) =>
        b.boxes.some(
          (q) =>
            Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2 &&
            Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2,
        ),
      );
      if (hit && !contains(a.el, b.el) && !contains(b.el, a.el)) problems.push(`${name(a.el)} overlaps ${name(b.el)}`);
    }
  }
  return problems;
}
