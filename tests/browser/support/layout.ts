/**
 * Layout checks the eye would make: words that the browser broke across two lines (a hyphenless
 * "anywhere" break, or hyphenation), found by measuring each word's line boxes.
 */

/** Every text node below root, through open shadow roots. */
function textNodes(root: Node): Text[] {
  const found: Text[] = [];
  const visit = (node: Node) => {
    if (node instanceof Text) found.push(node);
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return found;
}

/** Words (runs of non-space) that are rendered on more than one line: broken inside. */
export function brokenWords(root: Node): string[] {
  const broken: string[] = [];
  for (const node of textNodes(root)) {
    for (const match of node.data.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}
