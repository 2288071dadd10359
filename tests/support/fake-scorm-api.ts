import type { Scorm12Api } from '../../src/lms/scorm12';
import type { Scorm2004Api } from '../../src/lms/scorm2004';

type Overrides<T> = Partial<Record<keyof T, (...args: never[]) => unknown>>;

/** A SCORM 1.2 API that accepts everything and holds nothing; `overrides` replace single calls. */
export const fakeScorm12Api = (overrides: Overrides<Scorm12Api> = {}): Scorm12Api =>
  ({
    LMSInitialize: () => 'true',
    LMSFinish: () => 'true',
    LMSGetValue: () => '',
    LMSSetValue: () => 'true',
    LMSCommit: () => 'true',
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => '',
    ...overrides,
  }) as Scorm12Api;

/** A SCORM 2004 API that accepts everything and holds nothing; `overrides` replace single calls. */
export const fakeScorm2004Api = (overrides: Overrides<Scorm2004Api> = {}): Scorm2004Api =>
  ({
    Initialize: () => 'true',
    Terminate: () => 'true',
    GetValue: () => '',
    SetValue: () => 'true',
    Commit: () => 'true',
    GetLastError: () => '0',
    GetErrorString: () => '',
    ...overrides,
  }) as Scorm2004Api;
