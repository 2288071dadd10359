import { expect } from '@open-wc/testing';
import { LmsEmulator, type EmulatedStandard, type LmsProfileId } from './lms-emulator.js';
import { iliasProfile, moodleProfile } from './profiles/index.js';
import { BEACON_QUOTA_BYTES, multipartBytes } from './profiles/types.js';

/**
 * One test per behaviour of each LMS profile, driving the API directly (no course). Each test names the
 * file and function of the LMS's public source the behaviour was learned from (docs/lms-profiles.md).
 */

type Api = Record<string, (...args: string[]) => string>;

/** The seven API calls under their standard-neutral names. */
class Sco {
  constructor(private readonly lms: LmsEmulator) {}
  private call(name12: string, name2004: string, ...args: string[]): string {
    const api = this.lms.api as unknown as Api;
    return api[this.lms.standard === 'scorm12' ? name12 : name2004]!(...args);
  }
  init = () => this.call('LMSInitialize', 'Initialize', '');
  get = (element: string) => this.call('LMSGetValue', 'GetValue', element);
  set = (element: string, value: string) => this.call('LMSSetValue', 'SetValue', element, value);
  commit = () => this.call('LMSCommit', 'Commit', '');
  finish = () => this.call('LMSFinish', 'Terminate', '');
  error = () => Number(this.call('LMSGetLastError', 'GetLastError'));
}

let iframe: HTMLIFrameElement;
const emulators: LmsEmulator[] = [];

beforeEach(() => {
  iframe = document.createElement('iframe');
  document.body.append(iframe);
});

afterEach(() => {
  for (const lms of emulators.splice(0)) lms.dispose();
  iframe.remove();
});

/** A launched session with the API initialised (the iframe stays empty: the test is the SCO). */
async function session(standard: EmulatedStandard, profile: LmsProfileId | LmsEmulator): Promise<[LmsEmulator, Sco]> {
  let lms: LmsEmulator;
  if (profile instanceof LmsEmulator) {
    lms = profile;
    await lms.relaunch(iframe, 'about:blank');
  } else {
    lms = new LmsEmulator({ standard, profile });
    emulators.push(lms);
    await lms.launch(iframe, 'about:blank');
  }
  const sco = new Sco(lms);
  expect(sco.init()).to.equal('true');
  return [lms, sco];
}

/** Writes `values` in order, ends the session and closes it; the SCO of the next session under the same LMS. */
async function nextSession(lms: LmsEmulator, sco: Sco, values: Record<string, string>): Promise<Sco> {
  for (const [element, value] of Object.entries(values)) sco.set(element, value);
  sco.finish();
  await lms.close();
  const [, again] = await session(lms.standard, lms);
  return again;
}

/** One 2004 interaction of `type` with an id, a pattern and a response. */
function interaction2004(sco: Sco, n: number, type: string, pattern: string, response: string): string[] {
  return [
    sco.set(`cmi.interactions.${n}.id`, `urn:course:demo:item:q${n}:a1`),
    sco.set(`cmi.interactions.${n}.type`, type),
    sco.set(`cmi.interactions.${n}.correct_responses.0.pattern`, pattern),
    sco.set(`cmi.interactions.${n}.learner_response`, response),
  ];
}

describe('LMS profile: Moodle, SCORM 2004', () => {
  // scorm_13.js, SCORMapi1_3 SetValue → CRcheckValueNodes with correct_responses['matching'].format =
  // CMIShortIdentifier '^[\w\.]{1,250}$': a `-` in a node is a type mismatch.
  it('refuses a matching pattern whose ids contain "-" with 406 and accepts [\\w.] ids', async () => {
    const [lms, sco] = await session('scorm2004', 'moodle');
    const refused = interaction2004(sco, 0, 'matching', 'wrap-groep[.]methodische-zelfhulp', 'wrap-groep[.]x');
    expect(refused.slice(0, 2)).to.deep.equal(['true', 'true']);
    expect(refused[2]).to.equal('false');
    expect(lms.failedCalls().map((c) => c.errorCode)).to.deep.equal([406, 406]);
    expect(interaction2004(sco, 1, 'matching', 'wrap_groep[.]zelfhulp.1', 'wrap_groep[.]zelfhulp.1')).to.deep.equal([
      'true',
      'true',
      'true',
      'true',
    ]);
  });

  // scorm_13.js SetValue, case 'cmi.interactions.n.learner_response': every node must match the type's
  // format; an empty string is one empty node, which CMIShortIdentifier (and [.]-pairs) refuse.
  it('refuses an empty learner_response for sequencing, matching and performance', async () => {
    const [, sco] = await session('scorm2004', 'moodle');
    const results = (['sequencing', 'matching', 'performance'] as const).map((type, n) => {
      interaction2004(
        sco,
        n,
        type,
        type === 'sequencing' ? 'a[,]b' : 'a[.]b',
        type === 'sequencing' ? 'a[,]b' : 'a[.]b',
      );
      return [sco.set(`cmi.interactions.${n}.learner_response`, ''), sco.error()];
    });
    expect(results).to.deep.equal([
      ['false', 406],
      ['false', 406],
      ['false', 406],
    ]);
  });

  // scorm_13.js datamodel 'cmi.comments_from_learner.n.comment' format CMILangString4000: `.` stops at a
  // line break, so a comment with one matches nothing and SetValue answers 406.
  it('refuses a comment with a line break', async () => {
    const [, sco] = await session('scorm2004', 'moodle');
    sco.set('cmi.comments_from_learner.0.location', 'p1');
    expect(sco.set('cmi.comments_from_learner.0.comment', 'regel 1\nregel 2')).to.equal('false');
    expect(sco.error()).to.equal(406);
    expect(sco.set('cmi.comments_from_learner.0.comment', 'regel 1\u2424regel 2')).to.equal('true');
  });

  // scorm_13.js StoreData → CollectData(cmi): walks the whole cmi object; request.js DoRequest posts
  // datamodelurlparams + '&cmi__interactions__0__id=…' for every element, on every Commit.
  it('sends every interaction again on every Commit (the payload only grows)', async () => {
    const [lms, sco] = await session('scorm2004', 'moodle');
    const sizes: number[] = [];
    for (let n = 0; n < 5; n++) {
      interaction2004(sco, n, 'choice', 'a', 'a');
      sco.commit();
      sizes.push(lms.metrics.commits.at(-1)!.bytes);
    }
    expect(lms.metrics.commits.map((c) => c.elements)).to.deep.equal([4, 8, 12, 16, 20]);
    expect(sizes.every((size, i) => i === 0 || size > sizes[i - 1]!)).to.equal(true);
    const id = encodeURIComponent('urn:course:demo:item:q0:a1');
    const first = `id=42&a=7&sesskey=AbCdEf1234&attempt=1&scoid=13&cmi__interactions__0__id=${id}`;
    expect(sizes[0]).to.equal(
      first.length +
        '&cmi__interactions__0__type=choice'.length +
        '&cmi__interactions__0__correct_responses__0__pattern=a'.length +
        '&cmi__interactions__0__learner_response=a'.length,
    );
  });

  // request.js DoRequest → useSendBeacon while mod_scorm_useBeaconAPI is on (pagehide/unload): a FormData
  // body; navigator.sendBeacon refuses it over the 64 KiB keepalive quota → "false\n101"; Terminate
  // (scorm_13.js) then answers 'false' with 101 and nothing, session_time included, is stored.
  it('during page dismissal sends by beacon and fails with 101 above 64 KiB', async () => {
    const [lms, sco] = await session('scorm2004', 'moodle');
    sco.set('cmi.suspend_data', 'x'.repeat(40000));
    lms.setDismissing(true);
    expect(sco.commit()).to.equal('true');
    const beacon = lms.metrics.commits.at(-1)!;
    expect(beacon.transport).to.equal('beacon');
    expect(beacon.bytes).to.be.greaterThan(40000);
    sco.set('cmi.session_time', 'PT10S');
    sco.set('cmi.exit', 'suspend');
    // The first beacon is still in flight: together they exceed the quota.
    expect(sco.finish()).to.equal('false');
    expect(sco.error()).to.equal(101);
    lms.setDismissing(false);
    expect(lms.metrics.sessionTimeStored(lms.session)).to.equal(false);
    expect(lms.metrics.commits.at(-1)).to.include({ kind: 'Terminate', transport: 'beacon', delivered: false });
  });

  // Chromium encodes sendBeacon(url, formData) as multipart/form-data; the size we report must be the
  // size it really sends (Response(formData) uses the same encoder).
  it('measures a beacon body exactly as Chromium encodes the FormData', async () => {
    const fields: Array<[string, string]> = [
      ['id', '42'],
      ['cmi__suspend_data', 'é"\nß'],
      ['cmi__interactions__0__id', 'urn:course:demo:item:q0:a1'],
      ['unloading', '1'],
    ];
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    const real = (await new Response(form).arrayBuffer()).byteLength;
    expect(multipartBytes(fields)).to.equal(real);
    expect(BEACON_QUOTA_BYTES).to.equal(65536);
  });

  // The quota the beacon model relies on, checked against this Chromium: beacons still in flight count
  // together (Fetch keepalive: inflightKeepaliveBytes + contentLength ≤ 64 KiB), so the Commit and the
  // Terminate of one pagehide share 64 KiB. (The probes go to a path the test server answers with 404.)
  it('Chromium refuses a beacon when it and those in flight exceed 64 KiB', async () => {
    const first = navigator.sendBeacon('/__beacon-probe', 'x'.repeat(40000));
    const second = navigator.sendBeacon('/__beacon-probe', 'x'.repeat(30000));
    expect([first, second]).to.deep.equal([true, false]);
    expect(navigator.sendBeacon('/__beacon-probe', 'x'.repeat(BEACON_QUOTA_BYTES + 1))).to.equal(false);
  });

  // datamodels/scorm_13lib.php get_scorm_default: "only cmi.exit==suspend should allow previous datamodel
  // elements on re-launch"; entry is ab-initio after normal/time-out, resume after suspend/logout.
  it('gives data back only after exit=suspend', async () => {
    const [lms, sco] = await session('scorm2004', 'moodle');
    const again = await nextSession(lms, sco, { 'cmi.suspend_data': 'state-1', 'cmi.exit': 'normal' });
    expect(again.get('cmi.entry')).to.equal('ab-initio');
    expect(again.get('cmi.suspend_data')).to.equal('');
    const third = await nextSession(lms, again, { 'cmi.suspend_data': 'state-2', 'cmi.exit': 'suspend' });
    expect([third.get('cmi.entry'), third.get('cmi.suspend_data')]).to.deep.equal(['resume', 'state-2']);
  });

  // loaddatamodel.php / scorm_13lib.php get_scorm_default: `cmi.objectives.N<index>.id` from the SCO's
  // manifest objectives (scorm_seq_objective) on every launch, before the course writes anything.
  it('fills cmi.objectives with the manifest objective ids on launch', async () => {
    const ids = ['urn:course:demo:ld:ld1', 'urn:course:demo:ld:ld2'];
    const lms = new LmsEmulator({
      standard: 'scorm2004',
      profile: moodleProfile({ forceNewAttempt: false, manifestObjectiveIds: ids }),
    });
    emulators.push(lms);
    const [, sco] = await session('scorm2004', lms);
    expect([sco.get('cmi.objectives._count'), sco.get('cmi.objectives.1.id')]).to.deep.equal(['2', ids[1]]);
    expect(sco.get('cmi.objectives.0.success_status')).to.equal('unknown');
  });

  // lib.php scorm_check_mode: a finished attempt (completion_status completed) is reopened with mode
  // 'review' (credit no-credit) unless "force new attempt" makes a new one.
  it('reopens a finished attempt in review mode, or a new attempt with "force new attempt"', async () => {
    for (const forceNewAttempt of [false, true]) {
      const lms = new LmsEmulator({ standard: 'scorm2004', profile: moodleProfile({ forceNewAttempt }) });
      emulators.push(lms);
      const [, sco] = await session('scorm2004', lms);
      const again = await nextSession(lms, sco, { 'cmi.completion_status': 'completed', 'cmi.exit': 'suspend' });
      const seen = [again.get('cmi.mode'), again.get('cmi.credit'), again.get('cmi.completion_status')];
      expect(seen).to.deep.equal(
        forceNewAttempt ? ['normal', 'credit', 'unknown'] : ['review', 'no-credit', 'completed'],
      );
    }
  });
});

describe('LMS profile: Moodle, SCORM 1.2', () => {
  // scorm_12.js LMSSetValue: `if (element == 'cmi.comments') cmi.comments = cmi.comments + value;`
  it('appends every cmi.comments write, across sessions too', async () => {
    const [lms, sco] = await session('scorm12', 'moodle');
    sco.set('cmi.comments', 'abc');
    sco.set('cmi.comments', 'abcdef');
    expect(sco.get('cmi.comments')).to.equal('abcabcdef');
    const again = await nextSession(lms, sco, { 'cmi.core.exit': 'suspend' });
    again.set('cmi.comments', 'x');
    expect(again.get('cmi.comments')).to.equal('abcabcdefx');
  });

  // scorm_12.js CollectData: an element is sent when it differs from its "defaultvalue", which is then
  // updated; cmi.core.session_time is never sent, TotalTime() adds cmi.core.total_time on LMSFinish.
  it('sends only what changed since the last request, and total_time (not session_time) on LMSFinish', async () => {
    const [lms, sco] = await session('scorm12', 'moodle');
    sco.set('cmi.core.lesson_location', 'p1');
    sco.commit();
    sco.commit();
    sco.set('cmi.core.session_time', '00:00:12');
    sco.finish();
    const [first, second, finish] = lms.metrics.commits;
    expect([first!.elements, second!.elements]).to.deep.equal([1, 0]);
    expect(finish).to.include({ kind: 'Terminate', carriesTime: true, delivered: true });
    expect(Object.keys(lms.storedCmi() ?? {})).to.not.include('cmi.core.session_time');
    await lms.close();
    expect(lms.storedCmi()!['cmi.core.total_time']).to.match(/^0*:00:12/);
  });

  // datamodels/scorm_12lib.php get_scorm_default: the tracks always come back (interactions too, via
  // scorm_reconstitute_array_element); entry is 'resume' only after exit=suspend, else ''.
  it('gives data and interactions back; entry resume only after suspend', async () => {
    const [lms, sco] = await session('scorm12', 'moodle');
    const again = await nextSession(lms, sco, {
      'cmi.interactions.0.id': 'q1_a1',
      'cmi.interactions.0.type': 'choice',
      'cmi.suspend_data': 'state',
    });
    expect([again.get('cmi.core.entry'), again.get('cmi.suspend_data')]).to.deep.equal(['', 'state']);
    expect(again.get('cmi.interactions._count')).to.equal('1');
  });
});

describe('LMS profile: ILIAS, SCORM 1.2', () => {
  // basisAPI.js sendRequest: synchronous XHR unless window.event is unload/beforeunload/click; Chromium
  // refuses a synchronous XHR in pagehide. IliasCommit empties a_toStore before sending, so the next
  // LMSCommit/LMSFinish find "Nothing to do" and answer true with nothing stored.
  it('fails every commit during page dismissal, then answers true with nothing sent', async () => {
    const [lms, sco] = await session('scorm12', 'ilias');
    sco.set('cmi.core.lesson_location', 'p1');
    expect(sco.commit()).to.equal('true');
    lms.setDismissing(true);
    sco.set('cmi.core.session_time', '00:01:00');
    sco.set('cmi.core.exit', 'suspend');
    expect([sco.commit(), String(sco.error())]).to.deep.equal(['false', '101']);
    expect(sco.commit()).to.equal('true');
    expect(sco.finish()).to.equal('true');
    lms.setDismissing(false);
    await lms.close();
    expect(lms.metrics.commits.map((c) => [c.transport, c.delivered])).to.deep.equal([
      ['xhr', true],
      ['xhr', false],
      ['none', true],
      ['none', true],
    ]);
    expect(lms.metrics.sessionTimeStored(1)).to.equal(false);
    expect(lms.storedCmi()!['cmi.core.total_time']).to.equal(undefined);
  });

  // basisAPI.js IliasCommit: the body holds only the queued elements, `&S[i]=sco&L[i]=element&R[i]=value`.
  it('sends only the queued elements', async () => {
    const [lms, sco] = await session('scorm12', 'ilias');
    sco.commit(); // entry, lesson_mode, credit queued by LMSInitialize
    sco.set('cmi.core.lesson_location', 'p 1');
    sco.commit();
    expect(lms.metrics.commits.at(-1)!.bytes).to.equal('&S[0]=1&L[0]=cmi.core.lesson_location&R[0]=p%201'.length);
  });

  // ILIAS 1.2 API LMSInitialize: with b_readInteractions off the interactions object is emptied, so
  // cmi.interactions._count is 0 again and a course that numbers from it overwrites the stored records.
  it('does not give interactions back: _count is 0 and index 0 is overwritten', async () => {
    const [lms, sco] = await session('scorm12', 'ilias');
    const again = await nextSession(lms, sco, { 'cmi.interactions.0.id': 'q1_a1', 'cmi.core.exit': 'suspend' });
    expect(again.get('cmi.interactions._count')).to.equal('0');
    again.set('cmi.interactions.0.id', 'q2_a1');
    again.finish();
    await lms.close();
    expect(lms.metrics.overwrites).to.deep.equal([{ session: 2, index: 0, was: 'q1_a1', now: 'q2_a1' }]);
  });

  // basisAPI.js basisInit → setValueIntern(…, b_store=false): `o_el['_count'] = a_el[i+1] + 1` with a
  // string index, so objectives 0, 1, 2 leave _count "21"; LMSGetValue of a missing objective answers ''.
  it('reports cmi.objectives._count "21" for three objectives and "" for one that does not exist', async () => {
    const [lms, sco] = await session('scorm12', 'ilias');
    for (const n of [0, 1, 2]) {
      sco.set(`cmi.objectives.${n}.id`, `ld${n + 1}`);
      sco.set(`cmi.objectives.${n}.status`, 'incomplete');
    }
    const again = await nextSession(lms, sco, { 'cmi.core.exit': 'suspend' });
    expect(again.get('cmi.objectives._count')).to.equal('21');
    expect([again.get('cmi.objectives.5.id'), again.error()]).to.deep.equal(['', 0]);
    expect(again.get('cmi.objectives.2.id')).to.equal('ld3');
  });

  // ILIAS 1.2 API LMSCommit with c_storeSessionTime 'i' ("time from the LMS"): ILIAS sets session_time
  // and total_time from its own clock at every LMSCommit, so time up to the last good commit is kept.
  it('with "session time from ILIAS" stores the time at every successful LMSCommit', async () => {
    const lms = new LmsEmulator({ standard: 'scorm12', profile: iliasProfile({ sessionTimeByIlias: true }) });
    emulators.push(lms);
    const [, sco] = await session('scorm12', lms);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sco.commit()).to.equal('true');
    lms.setDismissing(true);
    expect(sco.commit()).to.equal('false');
    lms.setDismissing(false);
    await lms.close();
    expect(lms.storedCmi()!['cmi.core.session_time']).to.match(/^00:00:00\.\d\d$/);
    expect(lms.storedCmi()!['cmi.core.total_time']).to.equal(lms.storedCmi()!['cmi.core.session_time']);
  });

  it('models SCORM 1.2 only', () => {
    expect(() => new LmsEmulator({ standard: 'scorm2004', profile: 'ilias' })).to.throw(/does not model scorm2004/);
  });
});

describe('LMS profile: strict', () => {
  // tests/support/cmi-rules.ts (shared/scorm-schemas): the response formats need at least one item for
  // sequencing, matching and performance; identifiers and timestamps follow the standard exactly.
  it('refuses an empty sequencing response and a malformed timestamp (2004), accepts valid values', async () => {
    const [, sco] = await session('scorm2004', 'strict');
    expect(interaction2004(sco, 0, 'sequencing', 'a[,]b', 'b[,]a')).to.deep.equal(['true', 'true', 'true', 'true']);
    expect([sco.set('cmi.interactions.0.learner_response', ''), sco.error()]).to.deep.equal(['false', 406]);
    expect(sco.set('cmi.interactions.0.timestamp', new Date().toISOString())).to.equal('false');
  });

  it('refuses a 1.2 interaction id with ":" and an empty matching response', async () => {
    const [, sco] = await session('scorm12', 'strict');
    expect([sco.set('cmi.interactions.0.id', 'urn:x'), sco.error()]).to.deep.equal(['false', 405]);
    sco.set('cmi.interactions.0.id', 'q1_a1');
    sco.set('cmi.interactions.0.type', 'matching');
    expect(sco.set('cmi.interactions.0.student_response', '')).to.equal('false');
  });
});

describe('profile metrics (scorm-again)', () => {
  it('counts interaction records written and whether session time was stored', async () => {
    const [lms, sco] = await session('scorm2004', 'scorm-again');
    interaction2004(sco, 0, 'choice', 'a', 'a');
    interaction2004(sco, 1, 'choice', 'b', 'b');
    sco.set('cmi.session_time', 'PT5S');
    sco.finish();
    expect(lms.metrics.interactionWrites.map((w) => w.index)).to.deep.equal([0, 1]);
    expect(lms.metrics.sessionTimeStored(1)).to.equal(true);
    expect(lms.metrics.largestCommitBytes()).to.be.greaterThan(0);
  });
});
