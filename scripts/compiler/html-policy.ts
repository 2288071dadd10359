/**
 * The HTML allow-list for rendered course text, and the checks that say what the sanitiser would
 * remove and why. The build turns every such removal into an error instead of dropping it silently.
 */

/** Tags authors may produce (via Markdown or raw HTML). h1 is left out: it is the page title. */
export const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'blockquote',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'a',
  'img',
  'abbr',
  'details',
  'summary',
  'br',
  'hr',
] as const;

/** Attributes authors may write (marked itself emits align, start and language classes). */
export const AUTHOR_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  abbr: ['title'],
  th: ['align'],
  td: ['align'],
  ol: ['start'],
  details: ['open'],
  code: ['class'],
};

/** What the sanitiser keeps: the author's attributes plus the ones the build adds to links. */
export const SANITIZER_ATTRIBUTES: Record<string, string[]> = {
  ...Object.fromEntries(Object.entries(AUTHOR_ATTRIBUTES).map(([k, v]) => [k, [...v]])),
  a: ['href', 'title', 'target', 'rel'],
};

export const ALLOWED_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
const CODE_CLASS = /^language-[\w+-]+$/;

export interface Violation {
  message: string;
  hint: string;
}

const TAG_HINTS: Record<string, string> = {
  script: 'scripts cannot run in the course (it runs under a strict Content-Security-Policy); remove it',
  noscript: 'scripts cannot run in the course; remove it',
  style: 'the look comes from the theme in modules/course.yaml; remove the <style> element',
  link: 'stylesheets and other resources cannot be loaded from page text; remove it',
  meta: 'remove it; page text cannot set document metadata',
  iframe: 'embedded content is not allowed; link to it instead: [title](https://…)',
  frame: 'embedded content is not allowed; link to it instead: [title](https://…)',
  object: 'embedded content is not allowed; link to it instead: [title](https://…)',
  embed: 'embedded content is not allowed; link to it instead: [title](https://…)',
  svg: 'raw SVG can carry scripts; save it as a file under modules/ and use ![alt text](file.svg)',
  math: 'raw MathML is not supported; describe the formula in text or use an image',
  form: 'forms are not part of pages; questions belong in assessments/',
  input: 'form fields are not part of pages (task lists "- [ ]" render as inputs); use a plain list',
  button: 'buttons are not part of pages; remove it',
  h1: 'the h1 is the page title; start headings at level 2 (##)',
  b: 'use **bold** in Markdown',
  i: 'use *emphasis* in Markdown',
  u: 'underlining looks like a link; use *emphasis* instead',
  div: 'layout HTML is not allowed; write plain Markdown',
  span: 'layout HTML is not allowed; write plain Markdown',
  font: 'the look comes from the theme; write plain Markdown',
  center: 'the look comes from the theme; write plain Markdown',
  base: 'remove it; it would change where every link points',
};

export function tagViolations(name: string, attribs: Readonly<Record<string, string>>): Violation[] {
  const tag = name.toLowerCase();
  if (!(ALLOWED_TAGS as readonly string[]).includes(tag)) {
    return [
      {
        message: `HTML element <${tag}> is not allowed`,
        hint: TAG_HINTS[tag] ?? `allowed HTML elements: ${ALLOWED_TAGS.join(', ')}`,
      },
    ];
  }
  const violations: Violation[] = [];
  const allowed = AUTHOR_ATTRIBUTES[tag] ?? [];
  for (const [rawName, value] of Object.entries(attribs)) {
    const attr = rawName.toLowerCase();
    if (attr.startsWith('on')) {
      violations.push({
        message: `Event handler attribute "${attr}" on <${tag}> is not allowed`,
        hint: 'scripts cannot run in the course; remove the attribute',
      });
    } else if (attr === 'style') {
      violations.push({
        message: `Attribute "style" on <${tag}> is not allowed`,
        hint: 'the look comes from the theme in modules/course.yaml; remove the attribute',
      });
    } else if (!allowed.includes(attr)) {
      violations.push({
        message: `Attribute "${attr}" on <${tag}> is not allowed`,
        hint: allowed.length ? `allowed on <${tag}>: ${allowed.join(', ')}` : `no attributes are allowed on <${tag}>`,
      });
    } else if (
      attr === 'class' &&
      !value
        .split(/\s+/)
        .filter(Boolean)
        .every((c) => CODE_CLASS.test(c))
    ) {
      violations.push({
        message: `Class "${value}" on <${tag}> is not allowed`,
        hint: 'only language-… classes on code are kept; remove the attribute',
      });
    } else if ((attr === 'href' || attr === 'src') && value !== undefined) {
      const v = urlViolation(tag, value);
      if (v) violations.push(v);
    }
  }
  return violations;
}

/** The scheme of a URL as a browser would see it (whitespace and control characters ignored). */
export function urlScheme(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? m[1]!.toLowerCase() : null;
}

/** Scheme-level checks for a link target or image source; file existence is checked elsewhere. */
export function urlViolation(tag: string, url: string): Violation | null {
  const scheme = urlScheme(url);
  const protocolRelative = /^\s*[/\\]{2}/.test(url);
  if (scheme === 'javascript' || scheme === 'vbscript') {
    return {
      message: `${scheme}: URLs are not allowed`,
      hint: 'scripts cannot run in the course; link to an https:// address or a page file (.md)',
    };
  }
  if (scheme === 'data') {
    return {
      message: 'data: URLs are not allowed',
      hint: 'save the file under modules/ and refer to it with a relative path',
    };
  }
  if (tag === 'img') {
    if (scheme !== null || protocolRelative) {
      return {
        message: `Image source "${url}" is not a file in the course`,
        hint: 'images must be files under modules/, referenced with a relative path; external images are not loaded',
      };
    }
    return null;
  }
  if (protocolRelative) {
    return { message: `Protocol-relative link "${url}" is not allowed`, hint: 'write the full https:// address' };
  }
  if (scheme !== null && !(ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme)) {
    return {
      message: `URL scheme "${scheme}:" is not allowed`,
      hint: `use ${ALLOWED_LINK_SCHEMES.map((s) => `${s}:`).join(', ')} or a relative link to a page file (.md)`,
    };
  }
  return null;
}

export function isExternalUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== null && (ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme);
}
