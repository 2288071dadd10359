/**
 * One answer in the saved state: each value as the index of its id in the item's vocabulary (one
 * base64url character), anything else escaped as `.<base64url UTF-8>.`. See docs/saved-state.md.
 */
import type { Item } from '../shared/course-types';
import type { Response } from './saved-state';
import { B64, b64ToUtf8, token, utf8ToB64 } from './base64';

/**
 * The values a response of this item is made of, in a fixed order, so a value is stored as its
 * index. Classify: the statements (categories are the second character of a pair).
 */
export function vocabulary(item: Item): string[] {
  switch (item.type) {
    case 'true-false':
      return ['false', 'true'];
    case 'single-choice':
    case 'multiple-response':
      return item.options.map((o) => o.id);
    case 'classify':
      return item.statements.map((s) => s.id);
    case 'ordering':
      return item.steps.map((s) => s.id);
    case 'branching':
      return item.nodes.flatMap((node) => (node.kind === 'step' ? node.choices.map((c) => c.id) : []));
  }
}

/** Everything an answer index points into: when this changes, a stored answer means something else. */
export const structureOf = (item: Item): string => {
  const extra = item.type === 'classify' ? `|${item.categories.map((c) => c.id).join(',')}` : '';
  return `${item.type}:${item.id}:${vocabulary(item).join(',')}${extra}`;
};

const categoriesOf = (item: Item): string[] => (item.type === 'classify' ? item.categories.map((c) => c.id) : []);

export function encodeResponse(item: Item, response: Response): string {
  const values = vocabulary(item);
  const categories = categoriesOf(item);
  let out = '';
  for (const value of response) {
    let encoded = '';
    if (item.type === 'classify') {
      const at = value.indexOf('=');
      const s = at < 0 ? '' : token(values.indexOf(value.slice(0, at)));
      const c = at < 0 ? '' : token(categories.indexOf(value.slice(at + 1)));
      // The pair is only shortened when both halves are known; otherwise escaped whole.
      if (s && c) encoded = s + c;
    } else encoded = token(values.indexOf(value));
    out += encoded || `.${utf8ToB64(value)}.`;
  }
  return out;
}

export function decodeResponse(item: Item, text: string): Response | null {
  const values = vocabulary(item);
  const categories = categoriesOf(item);
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.charAt(i) === '.') {
      const end = text.indexOf('.', i + 1);
      if (end < 0) return null;
      const value = b64ToUtf8(text.slice(i + 1, end));
      if (value === null) return null;
      out.push(value);
      i = end + 1;
    } else if (item.type === 'classify') {
      const statement = values[B64.indexOf(text.charAt(i))];
      const category = categories[B64.indexOf(text.charAt(i + 1))];
      if (statement === undefined || category === undefined) return null;
      out.push(`${statement}=${category}`);
      i += 2;
    } else {
      const value = values[B64.indexOf(text.charAt(i))];
      if (value === undefined) return null;
      out.push(value);
      i++;
    }
  }
  return out;
}

/** Version 1 responses: option letters a–z, `T`/`F`, or `Q<base64url utf-8>.` for anything else. */
export function decodeResponseV1(text: string): Response | null {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/^[a-z]$/.test(c)) out.push(c);
    else if (c === 'T') out.push('true');
    else if (c === 'F') out.push('false');
    else if (c === 'Q') {
      const end = text.indexOf('.', i);
      if (end < 0) return null;
      const value = b64ToUtf8(text.slice(i + 1, end));
      if (value === null) return null;
      out.push(value);
      i = end;
    } else return null;
    i++;
  }
  return out;
}
