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

/** The connection this launch should use: the LMS found around `win`, else standalone. */
export function connectLms(win: Window, courseId: string, options: ConnectOptions = {}): LmsConnection {
  const found = discoverLms(win);
  const session = options.now ? { now: options.now } : {};
  if (found?.standard === 'scorm2004') return new Scorm2004Connection(found.api, { ...session, courseId });
  if (found?.standard === 'scorm12') return new Scorm12Connection(found.api, session);
  return new StandaloneConnection(courseId, options.version, () => win.localStorage);
}
