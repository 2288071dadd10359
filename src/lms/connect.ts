import { discoverLms } from './discover';
import { Scorm12Connection } from './scorm12';
import { Scorm2004Connection } from './scorm2004';
import { StandaloneConnection } from './standalone';
import type { LmsConnection } from './types';
import { isCmi5Launch, openCmi5 } from './cmi5/open';

export interface ConnectOptions {
  /** Course version: standalone progress is stored per course id + version. */
  version?: string;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

/**
 * Which LMS this bundle speaks, fixed at build time (scripts/build.ts): each SCORM package carries
 * only its own adapter, the web folder none, so the learner downloads no code it cannot use.
 * Unset (tests, dev server): every adapter.
 */
declare const __COURSE_LMS__: 'scorm12' | 'scorm2004' | 'cmi5' | 'standalone' | undefined;
const TARGET = typeof __COURSE_LMS__ === 'undefined' ? 'any' : __COURSE_LMS__;

/** The connection this launch should use: the LMS found around `win`, else standalone. */
export function connectLms(win: Window, courseId: string, options: ConnectOptions = {}): LmsConnection {
  const found =
    TARGET === 'standalone' || TARGET === 'cmi5' ? null : discoverLms(win, TARGET === 'any' ? undefined : TARGET);
  const session = options.now ? { now: options.now } : {};
  if ((TARGET === 'any' || TARGET === 'scorm2004') && found?.standard === 'scorm2004') {
    return new Scorm2004Connection(found.api, { ...session, courseId });
  }
  if ((TARGET === 'any' || TARGET === 'scorm12') && found?.standard === 'scorm12') {
    return new Scorm12Connection(found.api, session);
  }
  return new StandaloneConnection(courseId, options.version, () => win.localStorage);
}

/**
 * Like connectLms, but first a cmi5 launch (launch parameters in the URL): that one needs the network
 * before the course can start (auth token, LaunchData, saved state). `failed` is true when the URL
 * asked for cmi5 and the LMS did not answer: the course then runs on a local copy and says so.
 */
export async function connectLmsAsync(
  win: Window,
  courseId: string,
  options: ConnectOptions & { language: string },
): Promise<{ connection: LmsConnection; failed: boolean }> {
  if ((TARGET === 'any' || TARGET === 'cmi5') && isCmi5Launch(win)) {
    const cmi5 = await openCmi5(win, { courseId, language: options.language });
    if (cmi5) return { connection: cmi5, failed: false };
    return { connection: new StandaloneConnection(courseId, options.version, () => win.localStorage), failed: true };
  }
  return { connection: connectLms(win, courseId, options), failed: false };
}
