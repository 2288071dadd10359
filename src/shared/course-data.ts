/**
 * How a built package carries its compiled content: index.html keeps an empty JSON data block
 * (`<script type="application/json" id="course-content">`) and a few classic scripts,
 * `course-data-1.js` … `course-data-<n>.js`, loaded in order after the first paint, append their
 * part of the JSON text to it. So the page's bytes are only the launch screen (its first paint does
 * not wait for the course), each part is parsed in a short task of its own (one large script was
 * the launch's longest task), the data still loads from file:// (where fetch fails) and under
 * `script-src 'self'`, and everything that reads the block in a running page works as before. A
 * block that already has text is left alone (a page that carries its content inline).
 */

/** The name of part `n` (from 1). */
export const courseDataFile = (n: number): string => `course-data-${n}.js`;

/** Characters of JSON per part: small enough to parse in well under 50 ms on a slow phone. */
const PART = 24_000;

const OPEN = '(function(){var e=document.getElementById("course-content");if(!e)return;';
const FIRST = 'if(e.textContent){e.setAttribute("data-inline","");return}';
const NEXT = 'if(e.hasAttribute("data-inline"))return;';
const APPEND = 'e.append(';
const CLOSE = ')})();\n';

/** The parts of the content's JSON (as the data block would hold it), each a script. */
export function courseDataScripts(json: string, part = PART): string[] {
  const scripts: string[] = [];
  for (let start = 0; start < json.length || scripts.length === 0;) {
    let end = Math.min(json.length, start + part);
    // Never between the two halves of a surrogate pair.
    if (end < json.length && /[\uD800-\uDBFF]/.test(json[end - 1]!)) end--;
    const text = JSON.stringify(json.slice(start, end))
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
    scripts.push(`${OPEN}${scripts.length === 0 ? FIRST : NEXT}${APPEND}${text}${CLOSE}`);
    start = end;
  }
  return scripts;
}

/** The content's JSON back from the parts, in order (tests and tools that read a built package). */
export function courseJsonFromScripts(sources: readonly string[]): string {
  return sources
    .map((source) => {
      const start = source.indexOf(APPEND);
      const end = source.lastIndexOf(CLOSE.trim());
      if (!source.startsWith(OPEN) || start === -1 || end < start) throw new Error('not a course data file');
      return JSON.parse(source.slice(start + APPEND.length, end)) as string;
    })
    .join('');
}
