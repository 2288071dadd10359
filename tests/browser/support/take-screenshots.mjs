/**
 * Screenshots of the final test and results as a learner sees them, at 1280×800, 360×740 and 320 px
 * at 200 % zoom (160×370 CSS px at device scale 2). Run after `npm run build`:
 * `node tests/browser/support/take-screenshots.mjs`; the files land in tests/browser/screenshots/
 * (ignored by git). Drives dist/web/ through the real buttons, as tests/browser/support/course-driver.ts does.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../../../scripts/chromium-path.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = `${root}tests/browser/screenshots`;
const sizes = [
  { name: '1280', width: 1280, height: 800, deviceScaleFactor: 1 },
  { name: '360', width: 360, height: 740, deviceScaleFactor: 1 },
  { name: '320-zoom200', width: 160, height: 370, deviceScaleFactor: 2 },
];

// In the page: buttons by text through every shadow root.
const helpers = () => {
  const all = (node, selector, found = []) => {
    found.push(...node.querySelectorAll(selector));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, found);
    return found;
  };
  window.__all = (selector) => all(document, selector);
  window.__button = (text) =>
    all(document, 'button').find((b) => !b.disabled && b.textContent.replace(/\s+/g, ' ').trim().startsWith(text));
};

async function run(browser, size) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(size);
  await page.goto(pathToFileURL(`${root}dist/web/index.html`).href);
  await page.evaluate(helpers);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
  const click = async (text) => {
    const ok = await page.evaluate((t) => {
      const button = window.__button(t);
      button?.click();
      return !!button;
    }, text);
    await pause();
    return ok;
  };
  const shot = (what) => page.screenshot({ path: `${out}/${size.name}-${what}.png` });
  const view = () => page.evaluate(() => document.querySelector('course-shell')?.firstElementChild?.localName);

  let checkShot = false;
  for (let i = 0; i < 80 && !(await page.evaluate(() => !!window.__button('Start de toets'))); i++) {
    if (!checkShot && (await view()) === 'course-check') {
      await page.evaluate(() =>
        window.__all('course-question')[0].shadowRoot.firstElementChild.shadowRoot.querySelector('label').click(),
      );
      await pause();
      await click('Controleer');
      await shot('check-feedback');
      checkShot = true;
    }
    if (!(await click('Volgende'))) await page.evaluate(() => window.__all('nav a, nav button').at(-1)?.click());
    await pause();
  }
  await click('Start de toets');
  await shot('test-question');
  await click('Volgende vraag');
  await shot('test-question-2');
  await click('Naar het overzicht');
  await shot('test-overview');
  await click('Toets inleveren');
  await shot('test-dialog');
  await click('Toch inleveren');
  await shot('result');
  await page.screenshot({ path: `${out}/${size.name}-result-full.png`, fullPage: true });
  for (let attempt = 2; attempt <= 3; attempt++) {
    await click('Toets opnieuw maken');
    await click('Naar het overzicht');
    await click('Toets inleveren');
    await click('Toch inleveren');
  }
  await click('Bekijk je antwoorden');
  await page.evaluate(() => window.__all('course-review')[0]?.scrollIntoView());
  await shot('review');
  // puppeteer's emulateMediaFeatures does not know forced-colors; the DevTools protocol does.
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('result-forced-colors');
  await context.close();
}

await mkdir(out, { recursive: true });
const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs(), headless: true });
try {
  for (const size of sizes) await run(browser, size);
} finally {
  await browser.close();
}
