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

/**
 * Elements only the build writes, for the blocks of scripts/compiler/blocks.ts. Authors write the
 * block syntax (`:::tabs`), never these tags: in raw HTML they are errors like any other element.
 */
export const BLOCK_TAGS = [
  'course-accordion',
  'course-tabs',
  'course-flip-card',
  'course-continue',
  'course-steps',
  'section',
  'div',
  'span',
  'figure',
  'figcaption',
  'aside',
] as const;

/** Attributes the build writes on block markup, with the values they may have. */
const BLOCK_ATTRIBUTE_VALUES: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
  div: { slot: /^(front|back)$/ },
  aside: { role: /^note$/, 'aria-labelledby': /^block-[a-z0-9-]+$/ },
  p: { id: /^block-[a-z0-9-]+$/ },
};

/** Classes of block markup (styled in src/components/block-styles.ts). */
export const BLOCK_CLASS = /^block-[a-z0-9-]+$/;

/** What the sanitiser keeps: the author's attributes plus the ones the build adds to links and blocks. */
export const SANITIZER_ATTRIBUTES: Record<string, string[]> = {
  ...Object.fromEntries(Object.entries(AUTHOR_ATTRIBUTES).map(([k, v]) => [k, [...v]])),
  ...Object.fromEntries(
    Object.entries(BLOCK_ATTRIBUTE_VALUES).map(([k, v]) => [k, [...(AUTHOR_ATTRIBUTES[k] ?? []), ...Object.keys(v)]]),
  ),
  a: ['href', 'title', 'target', 'rel'],
  '*': ['class'],
};

export const ALLOWED_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
const CODE_CLASS = /^language-[\w+-]+$/;

export interface Violation {
  message: string;
  hint: string;
}

const TAG_HINTS: Record<string, string> = {
  script: 'scripts werken niet in de cursus (die draait onder een strikte Content-Security-Policy); haal het weg',
  noscript: 'scripts werken niet in de cursus; haal het weg',
  style: 'de opmaak komt uit het thema in modules/course.yaml; haal het <style>-element weg',
  link: 'paginatekst kan geen stijlbladen of andere bestanden laden; haal het weg',
  meta: 'haal het weg; paginatekst kan geen metadata van het document zetten',
  iframe: 'ingesloten inhoud is niet toegestaan; link ernaar: [titel](https://…)',
  frame: 'ingesloten inhoud is niet toegestaan; link ernaar: [titel](https://…)',
  object: 'ingesloten inhoud is niet toegestaan; link ernaar: [titel](https://…)',
  embed: 'ingesloten inhoud is niet toegestaan; link ernaar: [titel](https://…)',
  svg: 'losse SVG-code kan scripts bevatten; sla de afbeelding op als bestand onder modules/ en gebruik ![alternatieve tekst](bestand.svg)',
  math: 'MathML wordt niet ondersteund; beschrijf de formule in tekst of gebruik een afbeelding',
  form: 'formulieren horen niet in paginatekst; vragen horen in assessments/',
  input:
    'invoervelden horen niet in paginatekst (een takenlijst "- [ ]" wordt een invoerveld); gebruik een gewone lijst',
  button: 'knoppen horen niet in paginatekst; haal de knop weg (voor een verborgen vervolg: :::verder)',
  h1: 'de h1 is de paginatitel; begin koppen op niveau 2 (##)',
  b: 'gebruik **vet** in Markdown',
  i: 'gebruik *nadruk* in Markdown',
  u: 'onderstreping lijkt op een link; gebruik *nadruk*',
  div: 'HTML voor opmaak is niet toegestaan; schrijf gewone Markdown of gebruik een blok (zie docs/authoring.md, "Blokken")',
  span: 'HTML voor opmaak is niet toegestaan; schrijf gewone Markdown',
  font: 'de opmaak komt uit het thema; schrijf gewone Markdown',
  center: 'de opmaak komt uit het thema; schrijf gewone Markdown',
  base: 'haal het weg; het zou veranderen waar elke link naartoe gaat',
};

/**
 * What the sanitiser would remove from one element, and why. `author` is the policy for what authors
 * write; `build` also accepts the block markup the build itself writes (the final sanitiser pass).
 */
export function tagViolations(
  name: string,
  attribs: Readonly<Record<string, string>>,
  policy: 'author' | 'build' = 'author',
): Violation[] {
  const tag = name.toLowerCase();
  if (policy === 'build') {
    const blockAttrs = BLOCK_ATTRIBUTE_VALUES[tag] ?? {};
    const isBlockAttr = (attr: string, value: string) =>
      (attr === 'class' && value.split(/\s+/).every((c) => BLOCK_CLASS.test(c) || CODE_CLASS.test(c))) ||
      blockAttrs[attr]?.test(value) === true;
    const rest = Object.fromEntries(Object.entries(attribs).filter(([a, v]) => !isBlockAttr(a.toLowerCase(), v)));
    if ((BLOCK_TAGS as readonly string[]).includes(tag)) {
      return Object.keys(rest).map((attr) => ({
        message: `Attribuut "${attr}" op <${tag}> is niet toegestaan`,
        hint: 'de build schrijft deze opmaak zelf; schrijf het blok met de syntax uit docs/authoring.md',
      }));
    }
    return tagViolations(tag, rest, 'author');
  }
  if (!(ALLOWED_TAGS as readonly string[]).includes(tag)) {
    return [
      {
        message: `HTML-element <${tag}> is niet toegestaan. Toegestaan zijn: ${ALLOWED_TAGS.join(', ')}`,
        hint: TAG_HINTS[tag] ?? 'schrijf gewone Markdown; zie docs/authoring.md',
      },
    ];
  }
  const violations: Violation[] = [];
  const allowed = AUTHOR_ATTRIBUTES[tag] ?? [];
  for (const [rawName, value] of Object.entries(attribs)) {
    const attr = rawName.toLowerCase();
    if (attr.startsWith('on')) {
      violations.push({
        message: `Attribuut "${attr}" op <${tag}> is niet toegestaan: het start een script`,
        hint: 'scripts werken niet in de cursus; haal het attribuut weg',
      });
    } else if (attr === 'style') {
      violations.push({
        message: `Attribuut "style" op <${tag}> is niet toegestaan`,
        hint: 'de opmaak komt uit het thema in modules/course.yaml; haal het attribuut weg',
      });
    } else if (!allowed.includes(attr)) {
      violations.push({
        message: `Attribuut "${attr}" op <${tag}> is niet toegestaan. ${
          allowed.length
            ? `Toegestaan op <${tag}>: ${allowed.join(', ')}`
            : `Op <${tag}> is geen enkel attribuut toegestaan`
        }`,
        hint: 'haal het attribuut weg',
      });
    } else if (
      attr === 'class' &&
      !value
        .split(/\s+/)
        .filter(Boolean)
        .every((c) => CODE_CLASS.test(c))
    ) {
      violations.push({
        message: `Class "${value}" op <${tag}> is niet toegestaan`,
        hint: 'alleen language-…-classes op code blijven staan; haal het attribuut weg',
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
      message: `${scheme}:-adressen zijn niet toegestaan`,
      hint: 'scripts werken niet in de cursus; link naar een https://-adres of een paginabestand (.md)',
    };
  }
  if (scheme === 'data') {
    return {
      message: 'data:-adressen zijn niet toegestaan',
      hint: 'sla het bestand op onder modules/ en verwijs ernaar met een relatief pad',
    };
  }
  if (tag === 'img') {
    if (scheme !== null || protocolRelative) {
      return {
        message: `Afbeelding "${url}" is geen bestand in de cursus`,
        hint: 'afbeeldingen zijn bestanden onder modules/, met een relatief pad; afbeeldingen van buiten worden niet geladen',
      };
    }
    return null;
  }
  if (protocolRelative) {
    return {
      message: `Link zonder protocol "${url}" is niet toegestaan`,
      hint: 'schrijf het volledige https://-adres',
    };
  }
  if (scheme !== null && !(ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme)) {
    return {
      message: `Adressoort "${scheme}:" is niet toegestaan. Toegestaan: ${ALLOWED_LINK_SCHEMES.map((s) => `${s}:`).join(', ')}`,
      hint: 'of link relatief naar een paginabestand (.md)',
    };
  }
  return null;
}

export function isExternalUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== null && (ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme);
}
