import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium, chromiumArgs } from './scripts/chromium-path.mjs';

const executablePath = findChromium();
if (!executablePath) {
  throw new Error('No Chromium found. Install the Debian package "chromium" or set CHROME_PATH (see README).');
}

export default {
  files: ['src/**/*.test.ts', 'tests/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs() } })],
};
