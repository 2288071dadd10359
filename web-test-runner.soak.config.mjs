// The full soak (`npm run soak` → scripts/soak.mjs): hundreds of random sessions per standard
// against the built course, killed and relaunched at random. Same browser and plugins as the normal
// browser tests; only the soak files, long time limits and a plugin that carries the parameters in
// and the summary out.
import { appendFileSync } from 'node:fs';
import base from './web-test-runner.config.mjs';

const sessions = Number.parseInt(process.env.SOAK_SESSIONS ?? '200', 10);
const seed = Number.parseInt(process.env.SOAK_SEED ?? '', 10) || Math.floor(Math.random() * 2 ** 31);
const reportFile = process.env.SOAK_REPORT;

if (!Number.isInteger(sessions) || sessions < 1)
  throw new Error(`SOAK_SESSIONS must be a positive integer, not ${process.env.SOAK_SESSIONS}`);

/** GET /__soak/params → { sessions, seed }; the command `soak-report` prints a summary and keeps it. */
function soakPlugin() {
  return {
    name: 'soak',
    serve(context) {
      if (context.path === '/__soak/params') return { body: JSON.stringify({ sessions, seed }), type: 'json' };
      return undefined;
    },
    executeCommand({ command, payload }) {
      if (command !== 'soak-report') return undefined;
      console.log(payload.line);
      if (reportFile) appendFileSync(reportFile, `${JSON.stringify(payload)}\n`);
      return true;
    },
  };
}

export default {
  ...base,
  files: ['tests/soak/*.soak.test.ts'],
  // One tab per standard, side by side.
  concurrency: 2,
  testFramework: { config: { timeout: 20 * 60 * 1000 } },
  testsFinishTimeout: 25 * 60 * 1000,
  plugins: [...base.plugins, soakPlugin()],
};
