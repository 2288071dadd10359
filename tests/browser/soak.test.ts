import { expect } from '@open-wc/testing';
import { runSoak, summaryLine } from '../soak/soak-runner';

/**
 * The small soak that runs with every `npm test`: a few learners per standard on random paths
 * through the built course, killed and relaunched at random moments; nothing given may be lost.
 * The full run (hundreds of sessions) is `npm run soak` (scripts/soak.mjs).
 */
const SESSIONS = 10;
// A new seed every run widens what CI covers over time. It is printed; each standard has its own
// random stream, so `SOAK_SEED=<seed> SOAK_SESSIONS=10 npm run soak` replays a failure.
const SEED = Math.floor(Math.random() * 2 ** 31);
const REPLAY = `replay: SOAK_SEED=${SEED} SOAK_SESSIONS=${SESSIONS} npm run soak`;

for (const standard of ['scorm12', 'scorm2004'] as const) {
  describe(`soak: random paths, kills and relaunches (${standard})`, function () {
    this.timeout(120000);

    it(`keeps every answer over ${SESSIONS} sessions (seed ${SEED})`, async () => {
      const report = await runSoak({ standard, sessions: SESSIONS, seed: SEED });
      console.log(summaryLine(report));
      const details = report.problems.join('\n');
      expect(report.sessions).to.equal(SESSIONS);
      expect(report.kills + report.closes).to.equal(SESSIONS);
      expect(report.steps, 'the learners did something').to.be.greaterThan(0);
      expect(report.answersLost, `answers lost (${REPLAY}):\n${details}`).to.equal(0);
      expect(report.mismatches, `state mismatches (${REPLAY}):\n${details}`).to.equal(0);
    });
  });
}
