// Makes sure a system Chromium exists before the browser tests: never downloads a browser build.
// Order: $CHROME_PATH/$CHROMIUM_PATH or a system Chromium; else, as root with apt-get, the Debian
// package "chromium"; else stop with a clear message.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';

let found = findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing the Debian package "chromium" ...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    found = findChromium();
  }
}
if (!found) {
  console.error(
    'No Chromium found for the browser tests.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  Or point CHROME_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}
console.log(`Browser tests use ${found}`);
