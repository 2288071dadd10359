import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { EmulatedStandard } from '../../src/preview/lms-emulator';
import { runSoak, summaryLine } from './soak-runner';

/** The full soak for one standard; the two `*.soak.test.ts` files call this so they run side by side. */
export function fullSoak(standard: EmulatedStandard): void {
  describe(`full soak (${standard})`, function () {
    it('loses nothing over many random sessions with kills and relaunches', async function () {
      // Parameters come from node (SOAK_SESSIONS, SOAK_SEED) through web-test-runner.soak.config.mjs.
      const params = (await (await fetch('/__soak/params')).json()) as { sessions: number; seed: number };
      this.timeout(Math.max(60000, params.sessions * 4000));
      const report = await runSoak({
        standard,
        sessions: params.sessions,
        seed: params.seed,
        log: (line) => console.error(line),
      });
      const line = summaryLine(report);
      await executeServerCommand('soak-report', { line, report });
      const details = report.problems.join('\n');
      expect(report.sessions).to.equal(params.sessions);
      expect(report.answersLost, `answers lost (replay: SOAK_SEED=${params.seed}):\n${details}`).to.equal(0);
      expect(report.mismatches, `state mismatches (replay: SOAK_SEED=${params.seed}):\n${details}`).to.equal(0);
    });
  });
}
