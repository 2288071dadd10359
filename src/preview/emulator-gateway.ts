/**
 * One session's path from the course's API call to the LMS's store, as the chosen profile's LMS does
 * it: its own GetValue answers, SetValue refusals, the request a Commit/Terminate makes, how that
 * request travels while the page is dismissed, and what the store keeps. Used by LmsEmulator.
 */
import type { Scorm12API, Scorm2004API } from 'scorm-again';
import { flattenToStrings, type ApiMethodKind, type EmulatedStandard } from './emulator-support.js';
import type { EmulatorMetrics } from './emulator-metrics.js';
import { BEACON_QUOTA_BYTES, utf8Bytes, type LmsProfile, type ProfileSession } from './profiles/types.js';

type ApiFunction = (...args: unknown[]) => string;

/** What the gateway needs from the emulator around it. */
export interface GatewayHost {
  readonly standard: EmulatedStandard;
  readonly profile: LmsProfile;
  readonly metrics: EmulatorMetrics;
  readonly session: number;
  readonly dismissing: boolean;
  /** Count a beacon against the keepalive quota of this dismissal; false when it does not fit. */
  spendBeacon(bytes: number): boolean;
}

export class SessionGateway {
  /** What the LMS holds after the successful requests of this session (null: none yet). */
  committed: Record<string, string> | null = null;
  /** A Terminate whose request failed but that still ended the session (Moodle 1.2). */
  endedOnFailure = false;

  constructor(
    private readonly host: GatewayHost,
    private readonly api: Scorm12API | Scorm2004API,
    private readonly hooks: ProfileSession | null,
    private readonly launch: Record<string, string>,
    private readonly stored: Record<string, string> | null,
  ) {}

  /** GetValue, SetValue, Commit and Terminate as the profile's LMS answers them: [returned, refusal]. */
  call(kind: ApiMethodKind, args: string[], original: ApiFunction): [string, string] {
    const [element = '', value = ''] = args;
    if (kind === 'GetValue') {
      const answer = this.hooks?.getValue(element);
      if (answer === undefined) return [original(...args), ''];
      this.api.lastErrorCode = '0';
      return [answer, ''];
    }
    if (kind === 'SetValue') return this.setValue(element, value, original);
    if (kind === 'Commit' || kind === 'Terminate') return [this.commit(kind, original), ''];
    return [original(...args), ''];
  }

  private setValue(element: string, value: string, original: ApiFunction): [string, string] {
    const decision = this.hooks?.beforeSet(element, value) ?? null;
    if (decision && 'refuse' in decision) {
      this.api.lastErrorCode = String(decision.refuse);
      return ['false', decision.reason];
    }
    const stored = decision && 'value' in decision ? decision.value : value;
    const handled = !!decision && 'handled' in decision;
    let returned = 'true';
    if (handled) this.api.lastErrorCode = '0';
    else returned = original(element, stored);
    if (returned === 'true') {
      // A hook that answered the call itself has already kept what it stores.
      if (!handled) this.hooks?.afterSet(element, stored);
      this.host.metrics.accepted(this.host.session, element, stored);
    }
    return [returned, ''];
  }

  /** Build the LMS's request, send it as that LMS would, keep what arrives. */
  private commit(kind: 'Commit' | 'Terminate', original: ApiFunction): string {
    const terminate = kind === 'Terminate';
    const { profile, metrics, session, dismissing } = this.host;
    if (profile.store === 'snapshot' || !this.hooks) {
      const returned = original('');
      if (returned !== 'true') return returned;
      const snapshot = this.snapshot(terminate);
      const bytes = utf8Bytes(JSON.stringify(snapshot));
      const elements = Object.keys(snapshot).length;
      metrics.commit({ session, kind, transport: 'local', bytes, delivered: true, elements, dismissing }, snapshot);
      this.keep(snapshot, 'replace');
      return returned;
    }
    const totalKey = this.host.standard === 'scorm12' ? 'cmi.core.total_time' : 'cmi.total_time';
    const request = this.hooks.request(kind, terminate ? (this.snapshot(true)[totalKey] ?? '') : '');
    const beacon = profile.transport === 'xhr-then-beacon' && dismissing;
    const delivered = request.empty || this.send(request.beaconBytes, beacon);
    this.hooks.afterRequest(delivered);
    metrics.commit(
      {
        session,
        kind,
        transport: request.empty ? 'none' : beacon ? 'beacon' : 'xhr',
        bytes: request.empty ? 0 : beacon ? request.beaconBytes : request.bytes,
        delivered,
        elements: Object.keys(request.elements).length,
        dismissing,
      },
      request.elements,
    );
    if (!delivered) {
      if (terminate && profile.terminateEndsOnFailure) {
        original('');
        this.endedOnFailure = true;
      }
      this.api.lastErrorCode = '101'; // Moodle: "General exception for any AJAX fault"; ILIAS: 101 too
      return 'false';
    }
    const returned = original('');
    if (returned === 'true') this.keep(request.elements, 'merge');
    return returned;
  }

  /** Does a request reach the server? Sync XHR fails during dismissal; a beacon within the quota. */
  private send(beaconBytes: number, beacon: boolean): boolean {
    if (this.host.profile.transport === 'local' || !this.host.dismissing) return true;
    return beacon && beaconBytes <= BEACON_QUOTA_BYTES && this.host.spendBeacon(beaconBytes);
  }

  /** What the LMS holds now: a snapshot replaces, a request's elements are stored over what it had. */
  private keep(data: Record<string, string>, mode: 'replace' | 'merge'): void {
    const before = this.committed ?? (mode === 'merge' ? this.stored : this.launch);
    const after = mode === 'merge' ? { ...(this.committed ?? this.stored ?? {}), ...data } : data;
    this.host.metrics.stored(this.host.session, before, after);
    this.committed = after;
  }

  /** What scorm-again would send on a commit; a terminate commit includes the new total_time. */
  snapshot(terminate: boolean): Record<string, string> {
    const rendered = this.api.renderCommitCMI(terminate, terminate);
    return flattenToStrings(Array.isArray(rendered) ? {} : rendered);
  }
}
