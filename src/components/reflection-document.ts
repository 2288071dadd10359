import type { Page } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { escapeHtml } from '../shared/html';

/** What the learner takes to class or to an onboarding conversation: their written answers. */
export interface ReflectionDocumentInput {
  courseTitle: string;
  learnerName: string;
  date: Date;
  /** The opdracht pages (pages with `prompts`), in course order. */
  pages: Page[];
  /** Answer text per prompt id. */
  answers: Record<string, string>;
}

const s = nl.reflection;

/** Escaped text with its line breaks kept as <br>, so the answer reads as the learner typed it. */
function multiline(text: string): string {
  return escapeHtml(text).replace(/\r\n?|\n/g, '<br>\n');
}

function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Only pages that actually ask something; the caller may pass any pages. */
function opdrachten(pages: Page[]): Page[] {
  return pages.filter((p) => p.prompts && p.prompts.length > 0);
}

/** `mijn-antwoorden-<course>.html`: the course title as a safe, portable file name part. */
export function reflectionFileName(courseTitle: string, extension = 'html'): string {
  const slug = courseTitle
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${s.fileName}${slug ? `-${slug}` : ''}.${extension}`;
}

/**
 * A standalone HTML document with every opdracht, question and answer. All learner and course text
 * is escaped; the document carries a CSP without scripts so it stays inert even when opened locally.
 */
export function reflectionDocument(input: ReflectionDocumentInput): string {
  const title = s.documentTitle(input.courseTitle);
  const sections = opdrachten(input.pages)
    .map((page) => {
      const prompts = page.prompts!.map((prompt) => {
        const answer = input.answers[prompt.id]?.trim() ? input.answers[prompt.id]! : '';
        return `<div class="prompt">
<h3><span class="label">${s.question}:</span> ${escapeHtml(prompt.text)}</h3>
<p class="label">${s.answer}:</p>
${answer ? `<p class="answer">${multiline(answer)}</p>` : `<p class="answer empty">${s.noAnswer}</p>`}
</div>`;
      });
      return `<section>
<h2>${escapeHtml(page.title)}</h2>
${prompts.join('\n')}
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { max-width: 45rem; margin: 0 auto; padding: 1rem; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; overflow-wrap: break-word; hyphens: auto; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: clamp(1.5rem, 6vw, 2rem); }
h2 { margin-top: 2rem; border-bottom: 1px solid #767676; }
h3 { font-size: 1rem; }
.label { font-weight: 600; }
.answer { padding: 0.5rem 0.75rem; border-left: 4px solid #767676; }
.empty { color: #595959; font-style: italic; }
@media print { .empty { min-height: 10rem; border: 1px solid #767676; color: transparent; } }
section, .prompt { break-inside: avoid-page; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<dl>
<dt>${s.name}</dt><dd>${escapeHtml(input.learnerName)}</dd>
<dt>${s.date}</dt><dd>${escapeHtml(formatDate(input.date))}</dd>
</dl>
${sections}
</main>
</body>
</html>
`;
}

/** The same content as plain text, e.g. to paste into an e-mail or a portfolio. */
export function reflectionText(input: ReflectionDocumentInput): string {
  const title = s.documentTitle(input.courseTitle);
  const lines = [
    title,
    '='.repeat(title.length),
    `${s.name}: ${input.learnerName}`,
    `${s.date}: ${formatDate(input.date)}`,
  ];
  for (const page of opdrachten(input.pages)) {
    lines.push('', page.title, '-'.repeat(page.title.length));
    for (const prompt of page.prompts!) {
      const answer = input.answers[prompt.id]?.trim() ? input.answers[prompt.id]!.replace(/\r\n?/g, '\n') : s.noAnswer;
      lines.push('', `${s.question}: ${prompt.text}`, `${s.answer}:`, answer);
    }
  }
  return `${lines.join('\n')}\n`;
}
