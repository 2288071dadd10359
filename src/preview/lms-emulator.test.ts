import { expect } from '@open-wc/testing';
import { LmsEmulator, isFailedCall, type ApiCall, type EmulatedStandard } from './lms-emulator.js';

const FAKE_SCO = new URL('../../tests/browser/fixtures/fake-sco.html', import.meta.url).href;

/** What tests/browser/fixtures/fake-sco.js publishes. */
interface FakeScoState {
  standard: string;
  initialized: boolean;
  terminated: boolean;
  entry: string;
  learnerName: string;
  suspendData: string;
  location: string;
  visits: number;
  commitResult: string;
  badResult?: string;
}

type HostWindow = Window & { API?: unknown; API_1484_11?: unknown };

interface Names {
  entry: string;
  location: string;
  exit: string;
  status: string;
  learnerName: string;
  setValue: string;
  commit: string;
  commitFailure: number;
  lastError: string;
}

const NAMES: Record<EmulatedStandard, Names> = {
  scorm12: {
    entry: 'cmi.core.entry',
    location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit',
    status: 'cmi.core.lesson_status',
    learnerName: 'cmi.core.student_name',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
    commitFailure: 101,
    lastError: 'LMSGetLastError',
  },
  scorm2004: {
    entry: 'cmi.entry',
    location: 'cmi.location',
    exit: 'cmi.exit',
    status: 'cmi.completion_status',
    learnerName: 'cmi.learner_name',
    setValue: 'SetValue',
    commit: 'Commit',
    commitFailure: 391,
    lastError: 'GetLastError',
  },
};

function sco(iframe: HTMLIFrameElement): FakeScoState {
  const state = (iframe.contentWindow as (Window & { fakeSco?: FakeScoState }) | null)?.fakeSco;
  if (!state) throw new Error('fake SCO did not run');
  return state;
}

/** Call the installed API directly, as a course would. */
function apiCall(standard: EmulatedStandard, method: string, ...args: string[]): string {
  const host = window as HostWindow;
  const api = (standard === 'scorm12' ? host.API : host.API_1484_11) as Record<string, (...a: string[]) => string>;
  return api[method](...args);
}

for (const standard of ['scorm12', 'scorm2004'] as const) {
  const n = NAMES[standard];

  describe(`LmsEmulator (${standard})`, () => {
    let emulator: LmsEmulator;
    let iframe: HTMLIFrameElement;

    beforeEach(async () => {
      // Not fixture(): it waits for an animation frame, which a background tab may never give.
      iframe = document.createElement('iframe');
      iframe.title = 'Nep-SCO';
      document.body.append(iframe);
      emulator = new LmsEmulator({ standard });
    });

    afterEach(() => {
      emulator?.dispose();
      iframe?.remove();
    });

    it('installs only the API of its standard on the host', () => {
      const host = window as HostWindow;
      if (standard === 'scorm12') {
        expect(host.API).to.equal(emulator.api);
        expect(host.API_1484_11).to.equal(undefined);
      } else {
        expect(host.API_1484_11).to.equal(emulator.api);
        expect(host.API).to.equal(undefined);
      }
      emulator.dispose();
      expect(host.API ?? host.API_1484_11).to.equal(undefined);
    });

    it('launches the course and logs every call with its return value and error code', async () => {
      await emulator.launch(iframe, FAKE_SCO);
      const state = sco(iframe);
      expect(state.standard).to.equal(standard);
      expect(state.initialized).to.equal(true);
      expect(state.entry).to.equal('ab-initio');
      expect(state.learnerName).to.equal('Test, Leerling');
      expect(emulator.initializeCount()).to.equal(1);
      expect(emulator.terminateCount()).to.equal(0);
      expect(emulator.session).to.equal(1);

      const setSuspend = emulator.calls.find((c) => c.method === n.setValue && c.args[0] === 'cmi.suspend_data');
      expect(setSuspend).to.include({ kind: 'SetValue', returned: 'true', errorCode: 0, session: 1, injected: false });
      expect(setSuspend?.args).to.deep.equal(['cmi.suspend_data', 'visits=1;stap=3']);
      const getName = emulator.calls.find((c) => c.kind === 'GetValue' && c.args[0] === n.learnerName);
      expect(getName?.returned).to.equal('Test, Leerling');
      expect(emulator.calls.map((c) => c.seq)).to.deep.equal(emulator.calls.map((_, i) => i + 1));
      expect(emulator.calls.every((c) => typeof c.timestamp === 'number' && c.timestamp > 0)).to.equal(true);

      const cmi = emulator.cmi();
      expect(cmi['cmi.suspend_data']).to.equal('visits=1;stap=3');
      expect(cmi[n.location]).to.equal('pagina-1');
      expect(cmi[n.exit]).to.equal('suspend');
      expect(Object.values(cmi).every((v) => typeof v === 'string')).to.equal(true);
      expect(emulator.failedCalls()).to.deep.equal([]);
    });

    if (standard === 'scorm2004') {
      it('does not count GetValue 403 (value not initialized) on a first launch as failed', async () => {
        await emulator.launch(iframe, FAKE_SCO);
        const first = emulator.calls.find((c) => c.kind === 'GetValue' && c.args[0] === 'cmi.suspend_data');
        expect(first?.errorCode).to.equal(403);
        expect(emulator.failedCalls()).to.deep.equal([]);
      });
    }

    it('close: the course terminates once and the LMS keeps the committed data', async () => {
      await emulator.launch(iframe, FAKE_SCO);
      expect(emulator.storedCmi()).to.equal(null);
      await emulator.close();
      expect(emulator.isOpen).to.equal(false);
      expect(emulator.terminateCount()).to.equal(1);
      const terminate = emulator.calls.find((c) => c.kind === 'Terminate');
      expect(terminate?.returned).to.equal('true');
      const stored = emulator.storedCmi();
      expect(stored).to.not.equal(null);
      expect(stored?.['cmi.suspend_data']).to.equal('visits=1;stap=3');
      expect(stored?.[n.location]).to.equal('pagina-1');
      expect(stored?.[n.exit]).to.equal('suspend');
      expect(stored?.[n.status]).to.equal('incomplete');
      expect(stored?.['cmi.objectives.0.id']).to.equal(standard === 'scorm12' ? 'ld1' : 'urn:test:ld1');
      expect(stored?.['cmi.interactions.0.type']).to.equal('choice');
      expect(stored?.[standard === 'scorm12' ? 'cmi.core.total_time' : 'cmi.total_time']).to.equal(
        standard === 'scorm12' ? '00:00:05' : 'PT5S',
      );
      expect(emulator.failedCalls()).to.deep.equal([]);
    });

    it('relaunch: a new API resumes with suspend_data, location, objectives and interactions', async () => {
      await emulator.launch(iframe, FAKE_SCO);
      const firstApi = emulator.api;
      await emulator.close();
      await emulator.relaunch(iframe, FAKE_SCO);
      expect(emulator.api).to.not.equal(firstApi);
      expect(emulator.session).to.equal(2);

      const state = sco(iframe);
      expect(state.entry).to.equal('resume');
      expect(state.suspendData).to.equal('visits=1;stap=3');
      expect(state.location).to.equal('pagina-1');
      expect(state.learnerName).to.equal('Test, Leerling');
      expect(state.visits).to.equal(2);

      const cmi = emulator.cmi();
      expect(cmi['cmi.interactions.0.id']).to.match(/vraag-1-poging-1$/);
      expect(cmi['cmi.interactions.1.id']).to.match(/vraag-1-poging-2$/);
      expect(cmi['cmi.objectives.0.id']).to.equal(standard === 'scorm12' ? 'ld1' : 'urn:test:ld1');
      expect(cmi[n.entry]).to.equal('resume');

      expect(emulator.initializeCount()).to.equal(1);
      expect(emulator.initializeCount('all')).to.equal(2);
      expect(emulator.sessionCalls(1).length + emulator.sessionCalls(2).length).to.equal(emulator.calls.length);

      // relaunch closes the open session itself; total time adds up over sessions.
      await emulator.relaunch();
      expect(emulator.terminateCount('all')).to.equal(2);
      expect(sco(iframe).suspendData).to.equal('visits=2;stap=3');
      await emulator.close();
      expect(emulator.storedCmi()?.[standard === 'scorm12' ? 'cmi.core.total_time' : 'cmi.total_time']).to.equal(
        standard === 'scorm12' ? '00:00:15' : 'PT15S',
      );
      expect(emulator.failedCalls()).to.deep.equal([]);
    });

    it('relaunch after a finished attempt (exit not suspend) does not resume', async () => {
      await emulator.launch(iframe, `${FAKE_SCO}?exit=normal`);
      await emulator.close();
      await emulator.relaunch(iframe, FAKE_SCO);
      const state = sco(iframe);
      if (standard === 'scorm12') {
        // SCORM 1.2 has no attempts: data stays, entry is '' (neither ab-initio nor resume).
        expect(state.entry).to.equal('');
        expect(state.suspendData).to.equal('visits=1;stap=3');
      } else {
        expect(state.entry).to.equal('ab-initio');
        expect(state.suspendData).to.equal('');
        expect(state.location).to.equal('');
      }
      expect(state.learnerName).to.equal('Test, Leerling');
    });

    it('reset: forgets everything, the next launch is a fresh first attempt', async () => {
      await emulator.launch(iframe, FAKE_SCO);
      await emulator.close();
      emulator.setFault({ method: 'Commit', returns: 'false', errorCode: 101 });
      await emulator.reset();
      expect(emulator.calls).to.deep.equal([]);
      expect(emulator.storedCmi()).to.equal(null);
      expect(emulator.session).to.equal(0);
      expect(emulator.fault).to.equal(null);
      const cmi = emulator.cmi();
      expect(cmi['cmi.suspend_data']).to.equal('');
      expect(cmi[n.location]).to.equal('');
      expect(cmi[n.entry]).to.equal('ab-initio');
      expect(Object.keys(cmi).some((k) => k.startsWith('cmi.interactions.'))).to.equal(false);

      await emulator.launch(iframe, FAKE_SCO);
      expect(sco(iframe).entry).to.equal('ab-initio');
      expect(sco(iframe).suspendData).to.equal('');
      expect(emulator.session).to.equal(1);
    });

    it('reset while the course is open drops the session without storing it', async () => {
      await emulator.launch(iframe, FAKE_SCO);
      await emulator.reset();
      expect(emulator.isOpen).to.equal(false);
      expect(emulator.storedCmi()).to.equal(null);
      expect(emulator.calls).to.deep.equal([]);
    });

    it('failedCalls() reports a call the LMS refused', async () => {
      await emulator.launch(iframe, `${FAKE_SCO}?bad=1`);
      expect(sco(iframe).badResult).to.equal('false');
      const failed = emulator.failedCalls();
      expect(failed).to.have.length(1);
      expect(failed[0]).to.include({ kind: 'SetValue', returned: 'false' });
      expect(failed[0].args[0]).to.equal('cmi.bestaat.niet');
      expect(failed[0].errorCode).to.be.greaterThan(0);
    });

    it('failedCalls() also reports what scorm-again lets through: calls after Terminate', async () => {
      await emulator.launch(iframe, FAKE_SCO);
      await emulator.close();
      expect(emulator.failedCalls()).to.deep.equal([]);
      apiCall(standard, n.setValue, 'cmi.suspend_data', 'te laat');
      const failed = emulator.failedCalls();
      expect(failed).to.have.length(1);
      expect(failed[0].problem).to.contain('na Terminate');
      // The LMS keeps what was there at Terminate.
      expect(emulator.storedCmi()?.['cmi.suspend_data']).to.equal('visits=1;stap=3');
    });

    if (standard === 'scorm12') {
      it('failedCalls() reports SCORM 1.2 suspend_data over 4096 characters', () => {
        apiCall(standard, 'LMSInitialize', '');
        const returned = apiCall(standard, 'LMSSetValue', 'cmi.suspend_data', 'x'.repeat(4097));
        expect(returned).to.equal('true'); // scorm-again accepts it…
        const failed = emulator.failedCalls();
        expect(failed).to.have.length(1); // …the emulator does not.
        expect(failed[0].problem).to.contain('4096');
      });
    }

    it('setFault makes Commit fail once, with the error code from GetLastError', async () => {
      emulator.setFault({ method: 'Commit', returns: 'false', errorCode: n.commitFailure });
      expect(emulator.fault).to.include({ method: 'Commit', times: 1 });
      await emulator.launch(iframe, FAKE_SCO);
      expect(sco(iframe).commitResult).to.equal('false');
      const commit = emulator.calls.find((c) => c.kind === 'Commit') as ApiCall;
      expect(commit).to.include({ method: n.commit, returned: 'false', errorCode: n.commitFailure, injected: true });
      expect(apiCall(standard, n.lastError)).to.equal(String(n.commitFailure));
      expect(emulator.failedCalls()).to.deep.equal([commit]);
      expect(emulator.fault).to.equal(null);

      // Only once: the next Commit reaches scorm-again again.
      expect(apiCall(standard, n.commit, '')).to.equal('true');
      expect(emulator.calls.filter((c) => c.kind === 'Commit').map((c) => c.returned)).to.deep.equal(['false', 'true']);
    });

    it('setFault with times and an exact method name, and setFault(null) clears it', async () => {
      emulator.setFault({ method: n.setValue, returns: 'false', errorCode: 351, times: 2 });
      apiCall(standard, standard === 'scorm12' ? 'LMSInitialize' : 'Initialize', '');
      expect(apiCall(standard, n.setValue, 'cmi.suspend_data', 'a')).to.equal('false');
      expect(apiCall(standard, n.setValue, 'cmi.suspend_data', 'b')).to.equal('false');
      expect(apiCall(standard, n.setValue, 'cmi.suspend_data', 'c')).to.equal('true');
      expect(emulator.cmi()['cmi.suspend_data']).to.equal('c');
      emulator.setFault({ method: 'SetValue', returns: 'false', errorCode: 351, times: Infinity });
      expect(apiCall(standard, n.setValue, 'cmi.suspend_data', 'd')).to.equal('false');
      emulator.setFault(null);
      expect(apiCall(standard, n.setValue, 'cmi.suspend_data', 'e')).to.equal('true');
      expect(emulator.failedCalls().map((c) => c.args[1])).to.deep.equal(['a', 'b', 'd']);
    });

    it('kill: calls after it fail and store nothing; the LMS keeps what was committed before', async () => {
      await emulator.launch(iframe, FAKE_SCO); // commits visits=1 once
      const initialize = standard === 'scorm12' ? 'LMSInitialize' : 'Initialize';
      const events: string[] = [];
      emulator.onChange((event) => events.push(event));
      // Data set but not committed before the crash is lost.
      apiCall(standard, n.setValue, 'cmi.suspend_data', 'niet vastgelegd');
      const killing = emulator.kill();
      expect(emulator.killed).to.equal(true);
      // While the tab dies, the course's calls (e.g. its pagehide Terminate) reach nobody.
      expect(apiCall(standard, n.setValue, 'cmi.suspend_data', 'na de crash')).to.equal('false');
      expect(apiCall(standard, n.lastError)).to.equal(standard === 'scorm12' ? '101' : '351');
      expect(apiCall(standard, n.commit, '')).to.equal('false');
      expect(apiCall(standard, n.lastError)).to.equal(standard === 'scorm12' ? '101' : '391');
      expect(apiCall(standard, standard === 'scorm12' ? 'LMSGetValue' : 'GetValue', n.location)).to.equal('');
      await killing;
      expect(emulator.isOpen).to.equal(false);
      expect(events).to.include.members(['kill', 'close']);
      const terminate = emulator.calls.find((c) => c.kind === 'Terminate');
      expect(terminate).to.include({ returned: 'false', injected: true });
      expect(emulator.storedCmi()?.['cmi.suspend_data']).to.equal('visits=1;stap=3');
      expect(emulator.storedCmi()?.[n.exit]).to.equal('suspend');
      expect(emulator.failedCalls().length).to.be.greaterThan(2);

      // The next session works normally again and gets what was committed before the kill.
      await emulator.relaunch();
      expect(emulator.killed).to.equal(false);
      expect(sco(iframe).suspendData).to.equal('visits=1;stap=3');
      expect(sco(iframe).commitResult).to.equal('true');
      expect(apiCall(standard, initialize, '')).to.equal('false'); // already initialized: a real answer
    });

    if (standard === 'scorm2004') {
      it('keeps more than ten comments_from_learner entries, in order, across a relaunch', async () => {
        await emulator.launch(iframe, FAKE_SCO);
        for (let i = 0; i < 12; i++) {
          expect(apiCall(standard, n.setValue, `cmi.comments_from_learner.${i}.comment`, `antwoord ${i}`)).to.equal(
            'true',
          );
          expect(apiCall(standard, n.setValue, `cmi.comments_from_learner.${i}.location`, `vraag-${i}`)).to.equal(
            'true',
          );
        }
        expect(apiCall(standard, n.commit, '')).to.equal('true');
        await emulator.close();
        await emulator.relaunch();
        expect(apiCall(standard, 'GetValue', 'cmi.comments_from_learner._count')).to.equal('12');
        for (let i = 0; i < 12; i++) {
          expect(apiCall(standard, 'GetValue', `cmi.comments_from_learner.${i}.location`)).to.equal(`vraag-${i}`);
        }
      });
    }

    it('kill without a commit before it: the LMS keeps nothing of that session', async () => {
      emulator.setFault({ method: 'Commit', returns: 'false', errorCode: n.commitFailure, times: Infinity });
      await emulator.launch(iframe, FAKE_SCO);
      await emulator.kill();
      expect(emulator.storedCmi()).to.equal(null);
      emulator.setFault(null);
      await emulator.relaunch();
      expect(sco(iframe).entry).to.equal('ab-initio');
      expect(sco(iframe).suspendData).to.equal('');
    });

    it('setGetValueOverride answers GetValue with the given value until removed', async () => {
      await emulator.launch(iframe, FAKE_SCO);
      await emulator.close();
      emulator.setGetValueOverride(n.entry, '');
      emulator.setGetValueOverride('cmi.interactions._count', '');
      emulator.setGetValueOverride(n.status, 'INCOMPLETE');
      expect(emulator.getValueOverrides).to.deep.equal({
        [n.entry]: '',
        'cmi.interactions._count': '',
        [n.status]: 'INCOMPLETE',
      });
      await emulator.relaunch();
      expect(sco(iframe).entry).to.equal(''); // although saved data is present
      expect(sco(iframe).suspendData).to.equal('visits=1;stap=3');
      const get = standard === 'scorm12' ? 'LMSGetValue' : 'GetValue';
      expect(apiCall(standard, get, n.status)).to.equal('INCOMPLETE');
      expect(apiCall(standard, n.lastError)).to.equal('0');
      const entryCall = emulator.sessionCalls().find((c) => c.kind === 'GetValue' && c.args[0] === n.entry);
      expect(entryCall).to.include({ returned: '', injected: true, errorCode: 0 });
      expect(emulator.failedCalls().filter((c) => c.kind === 'GetValue')).to.deep.equal([]);
      emulator.setGetValueOverride(n.status, null);
      expect(apiCall(standard, get, n.status)).to.equal('incomplete');
    });

    it('setLatency makes every API call (not the error queries) take that long', async () => {
      apiCall(standard, standard === 'scorm12' ? 'LMSInitialize' : 'Initialize', '');
      emulator.setLatency(40);
      expect(emulator.latency).to.equal(40);
      let started = performance.now();
      expect(apiCall(standard, n.setValue, 'cmi.suspend_data', 'langzaam')).to.equal('true');
      expect(performance.now() - started).to.be.at.least(39);
      started = performance.now();
      apiCall(standard, n.lastError);
      expect(performance.now() - started).to.be.below(30);
      emulator.setLatency(0);
      started = performance.now();
      apiCall(standard, n.commit, '');
      expect(performance.now() - started).to.be.below(30);
    });

    it('a fault "for a while" (times: Infinity) breaks Commit until cleared, and SetValue the same way', async () => {
      apiCall(standard, standard === 'scorm12' ? 'LMSInitialize' : 'Initialize', '');
      emulator.setFault({ method: 'Commit', returns: 'false', errorCode: n.commitFailure, times: Infinity });
      for (let i = 0; i < 5; i += 1) expect(apiCall(standard, n.commit, '')).to.equal('false');
      expect(emulator.fault?.times).to.equal(Infinity);
      emulator.setFault(null);
      expect(apiCall(standard, n.commit, '')).to.equal('true');
      emulator.setFault({ method: 'SetValue', returns: 'false', errorCode: 351, times: 3 });
      for (let i = 0; i < 3; i += 1)
        expect(apiCall(standard, n.setValue, 'cmi.suspend_data', `x${i}`)).to.equal('false');
      expect(apiCall(standard, n.setValue, 'cmi.suspend_data', 'ok')).to.equal('true');
    });

    it('onChange tells listeners about calls and lifecycle events until unsubscribed', async () => {
      const events: string[] = [];
      const off = emulator.onChange((event) => events.push(event));
      await emulator.launch(iframe, FAKE_SCO);
      expect(events[0]).to.equal('launch');
      expect(events.filter((e) => e === 'call').length).to.equal(emulator.calls.length);
      await emulator.close();
      expect(events.at(-1)).to.equal('close');
      off();
      const count = events.length;
      await emulator.reset();
      expect(events.length).to.equal(count);
    });

    it('with a courseKey, what the LMS stored survives a new emulator (page reload)', async () => {
      const courseKey = `test-${standard}-${Date.now()}`;
      emulator.dispose();
      emulator = new LmsEmulator({ standard, courseKey });
      await emulator.launch(iframe, FAKE_SCO);
      await emulator.close();
      emulator.dispose();
      emulator = new LmsEmulator({ standard, courseKey });
      expect(emulator.storedCmi()?.['cmi.suspend_data']).to.equal('visits=1;stap=3');
      await emulator.launch(iframe, FAKE_SCO);
      expect(sco(iframe).entry).to.equal('resume');
      await emulator.reset();
      emulator.dispose();
      emulator = new LmsEmulator({ standard, courseKey });
      expect(emulator.storedCmi()).to.equal(null);
    });
  });
}

describe('isFailedCall', () => {
  const call = (over: Partial<ApiCall>): ApiCall => ({
    seq: 1,
    session: 1,
    method: 'GetValue',
    kind: 'GetValue',
    args: [],
    returned: '',
    errorCode: 0,
    timestamp: 1,
    injected: false,
    problem: '',
    ...over,
  });

  it('treats a GetValue that returns the value "false" as a success', () => {
    expect(isFailedCall('scorm2004')(call({ returned: 'false' }))).to.equal(false);
  });

  it('never counts the error queries themselves', () => {
    expect(isFailedCall('scorm12')(call({ kind: 'GetLastError', returned: '101', errorCode: 101 }))).to.equal(false);
  });

  it('counts 403 as failed only for SCORM 1.2-unknown codes, not for SCORM 2004 GetValue', () => {
    expect(isFailedCall('scorm2004')(call({ errorCode: 403 }))).to.equal(false);
    expect(isFailedCall('scorm2004')(call({ errorCode: 401 }))).to.equal(true);
    expect(isFailedCall('scorm12')(call({ errorCode: 404 }))).to.equal(true);
  });
});
