// Finds the Chromium the browser tests use: $CHROME_PATH / $CHROMIUM_PATH, then the usual system places.
// No browser is ever downloaded (see scripts/ensure-chromium.mjs).
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** @returns {string | undefined} */
export function findChromium() {
  return candidates.find((path) => path && existsSync(path));
}

/** Flags for a headless run; --no-sandbox only when running as root, where Chromium requires it. */
export function chromiumArgs() {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    // Test files run in parallel tabs: keep background tabs running timers and animation frames.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}
