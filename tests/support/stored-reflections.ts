import type { Scorm12Api } from '../../src/lms/scorm12';
import { Scorm12Connection } from '../../src/lms/scorm12';
import type { Scorm2004Api } from '../../src/lms/scorm2004';
import { Scorm2004Connection } from '../../src/lms/scorm2004';
import { fakeScorm12Api, fakeScorm2004Api } from './fake-scorm-api';

/** Number of entries of a CMI array in a flattened map (the flattened form has no `_count`). */
export function arrayCount(cmi: Readonly<Record<string, string>>, array: string): number {
  const indexes = new Set(
    Object.keys(cmi)
      .filter((key) => key.startsWith(`${array}.`))
      .map((key) => key.slice(array.length + 1).split('.')[0]),
  );
  return [...indexes].filter((index) => /^\d+$/.test(index!)).length;
}

/**
 * The reflection answers an LMS holds, read from its (flattened) CMI data by the course's own
 * adapters, exactly as the next launch would read them.
 */
export function storedReflections(
  cmi: Readonly<Record<string, string>>,
  standard: 'scorm12' | 'scorm2004',
  courseId: string,
): Record<string, string> {
  const get = (element: string): string => {
    if (!element.endsWith('._count')) return cmi[element] ?? '';
    return String(arrayCount(cmi, element.slice(0, -'._count'.length)));
  };
  const ok = () => 'true';
  const none = () => '0';
  if (standard === 'scorm12') {
    const api: Scorm12Api = fakeScorm12Api({
      LMSInitialize: ok,
      LMSFinish: ok,
      LMSGetValue: get,
      LMSSetValue: ok,
      LMSCommit: ok,
      LMSGetLastError: none,
    });
    return new Scorm12Connection(api).start()?.reflections ?? {};
  }
  const api: Scorm2004Api = fakeScorm2004Api({
    Initialize: ok,
    Terminate: ok,
    GetValue: get,
    SetValue: ok,
    Commit: ok,
    GetLastError: none,
  });
  return new Scorm2004Connection(api, { courseId }).start()?.reflections ?? {};
}
