import type { Scorm12Api } from '../../src/lms/scorm12';
import type { Scorm2004Api } from '../../src/lms/scorm2004';

type Overrides<T> = Partial<Record<keyof T, (...args: never[]) => unknown>>;

/** What each call of an accepting API returns, by its SCORM 2004 name. */
const accepting = {
  Initialize: 'true',
  Terminate: 'true',
  GetValue: '',
  SetValue: 'true',
  Commit: 'true',
  GetLastError: '0',
  GetErrorString: '',
};

/** The accepting calls under the names of one standard (1.2: LMS prefix, Finish for Terminate). */
const calls = (name: (call: string) => string) =>
  Object.fromEntries(Object.entries(accepting).map(([call, value]) => [name(call), () => value]));

/** A SCORM 1.2 API that accepts everything and holds nothing; `overrides` replace single calls. */
export const fakeScorm12Api = (overrides: Overrides<Scorm12Api> = {}): Scorm12Api =>
  ({ ...calls((c) => `LMS${c === 'Terminate' ? 'Finish' : c}`), ...overrides }) as Scorm12Api;

/** A SCORM 2004 API that accepts everything and holds nothing; `overrides` replace single calls. */
export const fakeScorm2004Api = (overrides: Overrides<Scorm2004Api> = {}): Scorm2004Api =>
  ({ ...calls((c) => c), ...overrides }) as Scorm2004Api;
