import { discoverLms } from './discover';
import { Scorm12Connection } from './scorm12';
import { Scorm2004Connection } from './scorm2004';
import { StandaloneConnection } from './standalone';
import type { LmsConnection } from './types';

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
declare const __COURSE_LMS__: 'scorm12' | 'scorm2004' | 'standalone' | undefined;
const TARGET = typeof __COURSE_LMS__ === 'undefined' ? 'any' : __COURSE_LMS__;

/** The connection this launch should use: the LMS found around `win`, else standalone. */
export function connectLms(win: Window, courseId: string, options: ConnectOptions = {}): LmsConnection {
  const found = TARGET === 'standalone' ? null : discoverLms(win, TARGET === 'any' ? undefined : TARGET);
  const session = options.now ? { now: options.now } : {};
  if ((TARGET === 'any' || TARGET === 'scorm2004') && found?.standard === 'scorm2004') {
    return new Scorm2004Connection(found.api, { ...session, courseId });
  }
  if ((TARGET === 'any' || TARGET === 'scorm12') && found?.standard === 'scorm12') {
    return new Scorm12Connection(found.api, session);
  }
  return new StandaloneConnection(courseId, options.version, () => win.localStorage);
}
