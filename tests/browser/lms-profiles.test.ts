import { expect } from '@open-wc/testing';
import { LmsEmulator, type EmulatedStandard, type LmsProfileId } from '../../src/preview/lms-emulator';
import { moodleProfile } from '../../src/preview/profiles/index';
import { checkScorm12Cmi, checkScorm2004Cmi } from '../support/cmi-rules';
import { storedReflections } from '../support/stored-reflections';
import { courseFrame } from './support/course-driver';
import { manifestObjectiveIds, ownerOf, runWholeCourse, storedInteractionIds } from './support/profile-run';

/**
 * Whole-course runs of the BUILT package (`npm run build`) under every LMS profile of the emulator
 * (docs/lms-profiles.md), both standards: launch, close, crash, relaunch, reflection, final test with
 * one item left open, finish. Under every profile: no call refused, every answer recorded exactly once
 * and never overwritten, the reflection stored once with its last text, Terminate reached and session
 * time stored in every session that was not a crash. Each run prints its figures (refused calls, interactions, largest Commit, session time).
 */

const RUNS: Array<[EmulatedStandard, LmsProfileId]> = [
  ['scorm12', 'scorm-again'],
  ['scorm12', 'moodle'],
  ['scorm12', 'ilias'],
  ['scorm12', 'strict'],
  ['scorm2004', 'scorm-again'],
  ['scorm2004', 'moodle'],
  ['scorm2004', 'strict'],
];

function clearCourseStorage(learner: string): void {
  for (const key of Object.keys(localStorage)) {
    if ((key.startsWith('lms-journal:') && key.endsWith(`:${learner}`)) || key.startsWith('course-progress:')) {
      localStorage.removeItem(key);
    }
  }
}

for (const [standard, profile] of RUNS) {
  describe(`whole course under the ${profile} profile (${standard})`, function () {
    this.timeout(240000);
    const learner = `profiles-${profile}-${standard}`;
    let emulator: LmsEmulator;
    let iframe: HTMLIFrameElement;

    before(async () => {
      clearCourseStorage(learner);
      iframe = courseFrame();
      // Moodle 2004 fills cmi.objectives with the manifest's objective ids on every launch.
      const lms =
        profile === 'moodle' && standard === 'scorm2004'
          ? moodleProfile({ forceNewAttempt: false, manifestObjectiveIds: await manifestObjectiveIds(standard) })
          : profile;
      emulator = new LmsEmulator({ standard, profile: lms, learnerId: learner });
    });

    after(() => {
      emulator.dispose();
      iframe.remove();
      clearCourseStorage(learner);
    });

    it('refuses nothing, records every answer once, reaches Terminate and stores session time', async () => {
      const run = await runWholeCourse(emulator, iframe, standard);
      const stored = emulator.storedCmi()!;
      const refused = emulator.failedCalls().filter((call) => !call.injected);
      const ids = storedInteractionIds(stored);
      const sessions = Array.from({ length: emulator.session }, (_, i) => i + 1);
      const lived = sessions.filter((s) => !run.killedSessions.includes(s));
      const figures = {
        profile,
        standard,
        refusedCalls: refused.length,
        itemsAnswered: run.answered.length,
        interactionRecordsStored: ids.length,
        interactionIdWrites: emulator.metrics.interactionWrites.length,
        overwritten: emulator.metrics.overwrites.length,
        largestCommitBytes: emulator.metrics.largestCommitBytes(),
        commentsChars: (stored['cmi.comments'] ?? '').length,
        lmsWarnings: run.lmsWarnings.length,
        sessionTimeStored: lived.map((s) => emulator.metrics.sessionTimeStored(s)),
        terminateReached: lived.map((s) =>
          emulator.sessionCalls(s).some((c) => c.kind === 'Terminate' && c.returned === 'true'),
        ),
      };
      const refusedSample = refused.slice(0, 8).map((c) => `${c.method}(${c.args[0] ?? ''}) ${c.errorCode}`);
      const dismissal = emulator.metrics.commits
        .filter((c) => c.dismissing)
        .map((c) => `${c.kind}:${c.transport}:${c.bytes}:${c.delivered}`);
      console.log(`LMS-PROFILE-RUN ${JSON.stringify({ ...figures, refusedSample, dismissal })}`);

      expect(refused.map((c) => `${c.method}(${c.args.join(', ')}) → ${c.errorCode} ${c.problem}`)).to.deep.equal([]);
      expect(run.lmsWarnings, 'notices about the LMS shown to the learner').to.deep.equal([]);
      expect(emulator.metrics.overwrites, 'interaction records overwritten').to.deep.equal([]);
      expect(new Set(ids).size, `duplicate interaction records: ${ids.join(' ')}`).to.equal(ids.length);
      const owners = ids.map(ownerOf);
      for (const answer of run.answered) {
        expect(owners.filter((o) => o === answer).length, `records for ${answer}`).to.equal(
          run.answered.filter((a) => a === answer).length,
        );
      }
      const extra = owners.filter((o) => !run.answered.includes(o));
      expect(extra.every((o) => o === run.skipped) && extra.length <= 1, `unexpected records ${extra}`).to.equal(true);
      expect(figures.terminateReached, 'Terminate reached in every session that did not crash').to.not.include(false);
      expect(figures.sessionTimeStored, 'session time stored in every session that did not crash').to.not.include(
        false,
      );
      // Each reflection is in the LMS once, with its last text (Moodle 1.2 appends every cmi.comments write).
      const kept = storedReflections(stored, standard, run.content.id);
      for (const { promptId, text } of run.reflections) {
        expect(kept[promptId], `reflection ${promptId}`).to.equal(text);
        const copies =
          standard === 'scorm12'
            ? (stored['cmi.comments'] ?? '').split(`[${promptId}:`).length - 1
            : Object.entries(stored).filter(
                ([key, value]) => /^cmi\.comments_from_learner\.\d+\.location$/.test(key) && value === promptId,
              ).length;
        expect(copies, `copies of reflection ${promptId} in the LMS`).to.equal(1);
      }
      const rules = standard === 'scorm12' ? checkScorm12Cmi(stored) : checkScorm2004Cmi(stored);
      expect(rules, 'the stored data follows the standard').to.deep.equal([]);
    });
  });
}
