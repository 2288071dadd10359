/**
 * Screenshots of every screen type as a learner sees it, at 1280×800, 360×740 and 320 px at 200 %
 * zoom (160×370 CSS px at device scale 2): the cover, a page, a page with a table, a knowledge check
 * with every question type before and after feedback, an opdracht with written answers, its export
 * section and the exported document, the final test (intro, a question, the branching conversation,
 * the overview, the confirmation dialog), the result failed and passed, the review; the test, result
 * and review also under forced colours; the first pages with interactive blocks or diagrams
 * (`blocks-<n>`). The same screens tests/browser/layout.test.ts checks.
 *
 * Run after `npm run build`: `node tests/browser/support/take-screenshots.mjs [screen-name-filter]`;
 * the files (`<size>-<screen>.png`) land in tests/browser/screenshots/ (ignored by git). Drives
 * dist/web/ through the real buttons, as tests/browser/support/course-driver.ts does.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { tsImport } from 'tsx/esm/api';
import { chromiumArgs, findChromium } from '../../../scripts/chromium-path.mjs';

const { responseFor } = await tsImport('../../support/responses.ts', import.meta.url);

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = `${root}tests/browser/screenshots`;
const only = process.argv[2] ?? '';
const sizes = [
  { name: '1280', width: 1280, height: 800, deviceScaleFactor: 1 },
  { name: '360', width: 360, height: 740, deviceScaleFactor: 1 },
  { name: '320-zoom200', width: 160, height: 370, deviceScaleFactor: 2 },
];
const REFLECTION =
  'Ervaringsdeskundigheidsbevordering vraagt om herstelondersteunende zorg.\nIk denk aan mijn stage in de wijk.';

// In the page: elements and buttons through every shadow root; the download of the export kept in memory.
const helpers = () => {
  const all = (node, selector, found = []) => {
    found.push(...node.querySelectorAll(selector));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, found);
    return found;
  };
  window.__all = (selector) => all(document, selector);
  // A button named just `text` (an arrow aside) first: "Volgende" is the pager, not "Volgende stap".
  window.__button = (text) => {
    const label = (b) => b.textContent.replace(/\s+/g, ' ').trim();
    const usable = all(document, 'button').filter((b) => !b.disabled && label(b).startsWith(text));
    return usable.find((b) => !/\p{L}/u.test(label(b).slice(text.length))) ?? usable[0];
  };
  window.__view = () => document.querySelector('course-shell')?.firstElementChild;
  const create = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    window.__download = blob;
    return create.call(URL, blob);
  };
  document.addEventListener('click', (e) => e.composedPath()[0]?.matches?.('a[download]') && e.preventDefault(), true);
};

async function run(browser, size) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(size);
  await page.goto(pathToFileURL(`${root}dist/web/index.html`).href);
  await page.evaluate(helpers);
  await page.waitForFunction(() => document.getElementById('course-content')?.textContent && window.__view());
  const cdp = await page.createCDPSession();
  const pause = (ms = 250) => new Promise((resolve) => setTimeout(resolve, ms));
  const click = async (text) => {
    const ok = await page.evaluate((t) => {
      const button = window.__button(t);
      button?.click();
      return !!button;
    }, text);
    await pause();
    return ok;
  };
  const view = () => page.evaluate(() => window.__view()?.localName);
  const shot = async (what, { full = false, forced = false } = {}) => {
    if (!what.includes(only)) return;
    // puppeteer's emulateMediaFeatures does not know forced-colors; the DevTools protocol does.
    if (forced)
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    await page.screenshot({ path: `${out}/${size.name}-${what}.png`, fullPage: full });
    if (forced) await cdp.send('Emulation.setEmulatedMedia', { features: [] });
  };
  // Pages with blocks and diagrams, chosen as tests/browser/layout.test.ts chooses them; shot on the way.
  const blockPages = await page.evaluate(() => {
    const content = JSON.parse(document.getElementById('course-content').textContent);
    const chosen = [];
    const seen = new Set();
    // The first page is checked (and shot) as "page" already.
    for (const p of content.modules.flatMap((m) => m.pages).slice(1)) {
      const kinds = [...new Set(Array.from(p.html.matchAll(/<(course-[\w-]+|details|svg)\b/g), (m) => m[1]))];
      if (chosen.length === 3 || kinds.every((kind) => seen.has(kind))) continue;
      kinds.forEach((kind) => seen.add(kind));
      chosen.push(p.title);
    }
    return chosen;
  });
  const next = async () => {
    if (!(await click('Volgende'))) await page.evaluate(() => window.__all('nav a, nav button').at(-1)?.click());
    const title = await page.evaluate(() => window.__view()?.shadowRoot?.querySelector('h1')?.textContent.trim());
    const at = blockPages.indexOf(title);
    if (at === -1) return;
    blockPages[at] = null;
    await shot(`blocks-${at + 1}`);
    await page.evaluate(() => window.__all('details').forEach((d) => (d.open = true)));
    await pause();
    if (size.width > 200) await shot(`blocks-${at + 1}-open-full`, { full: true });
  };
  const checkTypes = () => page.evaluate(() => window.__view()?.check?.items.map((item) => item.type) ?? []);

  await shot('cover');
  await shot('cover-full', { full: true });
  await click('Start');
  await shot('page');
  await shot('page-full', { full: true });
  while (await page.evaluate(() => !window.__all('course-page')[0]?.shadowRoot.querySelector('table'))) await next();
  await page.evaluate(() => window.__all('table')[0]?.scrollIntoView({ block: 'center' }));
  await shot('table-page');

  // The knowledge check with every type but branching (branching: the final test).
  while ((await checkTypes()).length < 5) await next();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('check-before');
  await shot('check-before-full', { full: true });
  const items = await page.evaluate(() => window.__view().check.items);
  for (const [i, item] of items.entries()) {
    const wrong = i % 2 === 1;
    await answer(page, item.id, responseFor(item, !wrong));
    await page.evaluate((index) => window.__all('[part="check-button"]')[index].click(), i);
    await pause();
    // Where "Controleer" leaves the learner: focus on the feedback heading.
    await shot(`check-feedback-${item.type}${wrong ? '-wrong' : ''}`);
    if (wrong) {
      await click('Toon het juiste antwoord');
      await shot(`check-feedback-${item.type}-revealed`);
    }
  }
  await shot('check-after-full', { full: true });
  await shot('check-after-forced', { forced: true });

  while (!(await page.evaluate(() => window.__all('course-reflection').length))) await next();
  await shot('opdracht');
  await page.evaluate(async (text) => {
    for (const field of window.__all('course-reflection')) {
      const area = field.shadowRoot.querySelector('textarea');
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
  }, REFLECTION);
  await pause();
  await shot('opdracht-written-full', { full: true });
  await click('Download');
  await page.evaluate(() => window.__all('course-reflection-export')[0].scrollIntoView({ block: 'center' }));
  await shot('export');
  const exported = await page.evaluate(() => window.__download?.text());
  if (exported && 'exported-document'.includes(only)) {
    const doc = await context.newPage();
    await doc.setViewport(size);
    await doc.setContent(exported);
    await doc.screenshot({ path: `${out}/${size.name}-exported-document.png`, fullPage: true });
    await doc.close();
  }

  while ((await view()) !== 'course-final-test') await next();
  await shot('test-intro');
  await click('Start de toets');
  await shot('test-question');
  await shot('test-question-forced', { forced: true });
  const test = await page.evaluate(() => window.__view().items);
  const branching = test.findIndex((item) => item.type === 'branching');
  await page.evaluate((index) => window.__view().show(index), branching);
  await pause();
  await shot('test-branching-before');
  await answer(page, test[branching].id, responseFor(test[branching], true).slice(0, 2));
  await shot('test-branching-replies');
  await page.evaluate(() => window.__view().show(-1));
  await pause();
  await shot('test-overview');
  await click('Toets inleveren');
  await shot('test-dialog');
  await shot('test-dialog-forced', { forced: true });
  await click('Toch inleveren');
  await shot('result-failed');
  await shot('result-failed-full', { full: true });

  await click('Toets opnieuw maken');
  await shot('test-retry');
  // One question per screen: open each, then answer it right.
  for (const [i, item] of (await page.evaluate(() => window.__view().items)).entries()) {
    await page.evaluate((index) => window.__view().show(index), i);
    await answer(page, item.id, responseFor(item, true));
  }
  await page.evaluate(() => window.__view().show(-1));
  await pause();
  await click('Toets inleveren');
  await shot('result-passed');
  await shot('result-passed-forced', { forced: true });
  await click('Bekijk je antwoorden');
  await shot('review-open');
  await page.evaluate(() => {
    const review = window.__all('course-review')[0];
    const branchingItem = Array.from(review.shadowRoot.querySelectorAll('course-question')).find(
      (q) => q.item.type === 'branching',
    );
    branchingItem.scrollIntoView();
  });
  await pause();
  await shot('review-branching');
  await shot('review-branching-forced', { forced: true });
  if (size.width > 200) await shot('review-full', { full: true });
  await context.close();
}

/**
 * Gives a response as the question's own event would: course-final-test and course-check listen
 * for course-response-change from their course-question.
 */
async function answer(page, itemId, response) {
  await page.evaluate(
    (id, given) => {
      const question = window.__all('course-question').find((q) => q.item?.id === id);
      const inner = question.shadowRoot.firstElementChild;
      inner.response = given;
      inner.dispatchEvent(
        new CustomEvent('course-response-change', {
          detail: { itemId: id, response: given },
          bubbles: true,
          composed: true,
        }),
      );
    },
    itemId,
    response,
  );
  await new Promise((resolve) => setTimeout(resolve, 150));
}

await mkdir(out, { recursive: true });
const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs(), headless: true });
try {
  for (const size of sizes) await run(browser, size);
} finally {
  await browser.close();
}
