/**
 * A strict LMS: refuses every value the standard does not allow, with the rules of
 * tests/support/cmi-rules.ts (shared/scorm-schemas/README.md), including an empty learner response for
 * sequencing, matching and performance (their formats need at least one item). Otherwise it behaves
 * like scorm-again. Refusals: 1.2 error 405 "Incorrect Data Type", 2004 error 406 "Type Mismatch".
 */
import {
  checkLocalizedString,
  checkResponse12,
  checkResponse2004,
  isDuration2004,
  isIdentifier12,
  isLongIdentifier2004,
  isTime12,
  isTimespan12,
  isTimestamp2004,
} from '../../../tests/support/cmi-rules.js';
import type { EmulatedStandard } from '../emulator-support.js';
import { snapshotProfile } from './scorm-again.js';
import type { LmsProfile, ProfileSession, SessionContext, SetDecision } from './types.js';

/** Types whose response format needs at least one item. */
const NEEDS_AN_ITEM = new Set(['sequencing', 'matching', 'performance']);

type Check = (value: string, typeOf: () => string | undefined) => string | null;

const ok = (valid: boolean, what: string): string | null => (valid ? null : what);

const RULES: Record<EmulatedStandard, Array<[RegExp, Check]>> = {
  scorm12: [
    [
      /^cmi\.(interactions\.\d+\.(objectives\.\d+\.)?id|objectives\.\d+\.id)$/,
      (v) => ok(isIdentifier12(v), 'geen CMIIdentifier'),
    ],
    [/^cmi\.interactions\.\d+\.time$/, (v) => ok(isTime12(v), 'geen CMITime')],
    [/^cmi\.(interactions\.\d+\.latency|core\.session_time)$/, (v) => ok(isTimespan12(v), 'geen CMITimespan')],
    [/^cmi\.core\.lesson_location$/, (v) => ok(v.length <= 255, 'langer dan 255 tekens')],
    [/^cmi\.(suspend_data|comments)$/, (v) => ok(v.length <= 4096, 'langer dan 4096 tekens')],
    [
      /^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/,
      (v, typeOf) => response12(v, typeOf()),
    ],
  ],
  scorm2004: [
    [
      /^cmi\.(interactions\.\d+\.(objectives\.\d+\.)?id|objectives\.\d+\.id)$/,
      (v) => ok(isLongIdentifier2004(v), 'geen long_identifier_type'),
    ],
    [
      /^cmi\.(interactions|comments_from_learner)\.\d+\.timestamp$/,
      (v) => ok(isTimestamp2004(v), 'geen time(second,10,0)'),
    ],
    [/^cmi\.(interactions\.\d+\.latency|session_time)$/, (v) => ok(isDuration2004(v), 'geen timeinterval')],
    [/^cmi\.comments_from_learner\.\d+\.comment$/, (v) => checkLocalizedString(v, 4000)],
    [/^cmi\.(interactions|objectives)\.\d+\.description$/, (v) => checkLocalizedString(v, 250)],
    [/^cmi\.location$/, (v) => ok(v.length <= 1000, 'langer dan 1000 tekens')],
    [/^cmi\.interactions\.\d+\.learner_response$/, (v, typeOf) => response2004(v, typeOf(), false)],
    [/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, (v, typeOf) => response2004(v, typeOf(), true)],
  ],
};

function response12(value: string, type: string | undefined): string | null {
  if (type === undefined) return 'type nog niet gezet';
  if (value === '' && NEEDS_AN_ITEM.has(type)) return `leeg antwoord is geen geldig ${type}-formaat`;
  return checkResponse12(type, value);
}

function response2004(value: string, type: string | undefined, isPattern: boolean): string | null {
  if (type === undefined) return 'type nog niet gezet';
  if (value === '' && NEEDS_AN_ITEM.has(type)) return `leeg antwoord is geen geldig ${type}-formaat`;
  return checkResponse2004(type, value, isPattern);
}

class StrictSession implements ProfileSession {
  private readonly types = new Map<string, string>();

  constructor(private readonly context: SessionContext) {
    for (const [key, value] of Object.entries(context.launch)) this.afterSet(key, value);
  }

  beforeSet(element: string, value: string): SetDecision {
    const rule = RULES[this.context.standard].find(([pattern]) => pattern.test(element));
    const index = /^cmi\.interactions\.(\d+)\./.exec(element)?.[1];
    const problem = rule?.[1](value, () => (index === undefined ? undefined : this.types.get(index))) ?? null;
    if (problem === null) return null;
    return { refuse: this.context.standard === 'scorm12' ? 405 : 406, reason: `strikt: ${problem}` };
  }

  afterSet(element: string, value: string): void {
    const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
    if (type) this.types.set(type[1]!, value);
  }

  getValue(): string | undefined {
    return undefined;
  }

  request(): { elements: Record<string, string>; bytes: number; beaconBytes: number; empty: boolean } {
    // Storage works like scorm-again's (a snapshot); the emulator measures that payload itself.
    return { elements: {}, bytes: 0, beaconBytes: 0, empty: false };
  }

  afterRequest(): void {}
}

export const strictProfile: LmsProfile = snapshotProfile(
  'strict',
  'Strikt (alleen wat de standaard toestaat)',
  (context) => new StrictSession(context),
);
