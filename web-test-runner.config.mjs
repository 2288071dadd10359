import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium, chromiumArgs } from './scripts/chromium-path.mjs';
import { tsImport } from 'tsx/esm/api';

// The emulated cmi5 LRS (TypeScript) answers under /__lrs/ (src/preview/lrs/middleware.ts).
const { lrsKoaMiddleware } = await tsImport('./src/preview/lrs/middleware.ts', import.meta.url);

const executablePath = findChromium();
if (!executablePath) {
  throw new Error('No Chromium found. Install the Debian package "chromium" or set CHROME_PATH (see README).');
}

/** The policy the package must run under (docs/DESIGN: no eval, no inline scripts). */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'";
/** Violation reports per token, as Chromium POSTs them to the policy's report-uri (tests/browser/csp.test.ts). */
const cspReports = new Map();

/**
 * `/dist/…?csp=<token>` is served with STRICT_CSP as an HTTP header, plus a report-uri so that
 * violations are counted from the very first byte (a listener in the page can only start later).
 * GET `/__csp-reports/<token>` answers the reports received so far. Without `csp` nothing changes.
 */
async function strictCspMiddleware(ctx, next) {
  const report = ctx.path.match(/^\/__csp-reports\/([\w-]+)$/);
  if (report) {
    const token = report[1];
    if (ctx.method === 'POST') {
      let body = '';
      for await (const chunk of ctx.req) body += chunk;
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = { unparsed: body };
      }
      cspReports.set(token, [...(cspReports.get(token) ?? []), parsed]);
      ctx.status = 204;
      return;
    }
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(cspReports.get(token) ?? []);
    return;
  }
  await next();
  const token = ctx.query.csp;
  if (ctx.path.startsWith('/dist/') && typeof token === 'string' && /^[\w-]+$/.test(token)) {
    ctx.set('Content-Security-Policy', `${STRICT_CSP}; report-uri /__csp-reports/${token}`);
    // The dev server answers 304 from its cache; the header must be on every response.
    ctx.set('Cache-Control', 'no-store');
  }
}

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: @web/test-runner's emulateMedia drops
 * `forcedColors` for puppeteer, so the DevTools protocol sets it (tests/browser/support/forced-colors.ts).
 */
function forcedColorsPlugin() {
  // The emulation lasts as long as the DevTools session that set it: one session per page, kept open.
  const sessions = new Map();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!payload?.active) {
        // Switching off ends the DevTools session: one left open keeps the runner from exiting.
        const cdp = sessions.get(page);
        sessions.delete(page);
        await cdp?.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'none' }] });
        await cdp?.detach();
        return true;
      }
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions
        .get(page)
        .send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
      return true;
    },
  };
}

export default {
  files: ['src/**/*.test.ts', 'tests/browser/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a page in the background gets no frames, transitions or focus, so tests that
  // wait for them stalled for minutes (or the run never ended) when two files ran side by side.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 900000,
  browserStartTimeout: 60000,
  middleware: [strictCspMiddleware, lrsKoaMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), forcedColorsPlugin()],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs() } })],
};
