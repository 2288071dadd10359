/**
 * Finding the LMS's API object the way the SCORM standards describe it: the API lives in a window
 * that encloses the course (a parent frame) or opened it (opener), never more than a few levels up.
 */
import type { Scorm12Api } from './scorm12';
import type { Scorm2004Api } from './scorm2004';

/** How many parent windows are searched; the ADL sample scripts use 7 as well. */
export const MAX_PARENT_LEVELS = 7;

/** The named property of a window, or null when absent or unreadable (cross-origin frames throw). */
function read(win: Window | null | undefined, name: string): unknown {
  if (!win) return null;
  try {
    const value = (win as unknown as Record<string, unknown>)[name];
    return value === undefined || value === null ? null : value;
  } catch {
    return null;
  }
}

function parentOf(win: Window): Window | null {
  try {
    const parent = win.parent;
    return parent && parent !== win ? parent : null;
  } catch {
    return null;
  }
}

/** Searches `start` and up to MAX_PARENT_LEVELS of its parents. */
function searchUp(start: Window | null, name: string): unknown {
  let win: Window | null = start;
  for (let level = 0; win && level <= MAX_PARENT_LEVELS; level++) {
    const api = read(win, name);
    if (api) return api;
    win = parentOf(win);
  }
  return null;
}

/**
 * The API object called `name` in `win`, its parents, then its opener (and the top window's
 * opener) and their parents; null when none is found.
 */
export function findApi(win: Window, name: 'API' | 'API_1484_11'): unknown | null {
  const found = searchUp(win, name);
  if (found) return found;
  const openers: Window[] = [];
  const opener = read(win, 'opener') as Window | null;
  if (opener) openers.push(opener);
  const top = read(win, 'top') as Window | null;
  const topOpener = top && top !== win ? (read(top, 'opener') as Window | null) : null;
  if (topOpener && topOpener !== opener) openers.push(topOpener);
  for (const o of openers) {
    const api = searchUp(o, name);
    if (api) return api;
  }
  return null;
}

export type DiscoveredLms = { standard: 'scorm2004'; api: Scorm2004Api } | { standard: 'scorm12'; api: Scorm12Api };

const hasFunctions = (api: unknown, names: string[]): boolean =>
  typeof api === 'object' &&
  api !== null &&
  names.every((n) => typeof (api as Record<string, unknown>)[n] === 'function');

const is2004 = (api: unknown): api is Scorm2004Api =>
  hasFunctions(api, ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString']);

const is12 = (api: unknown): api is Scorm12Api =>
  hasFunctions(api, [
    'LMSInitialize',
    'LMSFinish',
    'LMSGetValue',
    'LMSSetValue',
    'LMSCommit',
    'LMSGetLastError',
    'LMSGetErrorString',
  ]);

/** `?standard=scorm12|scorm2004|standalone` from the launch URL, for testing a dual-API LMS. */
export function forcedStandard(win: Window): 'scorm12' | 'scorm2004' | 'standalone' | null {
  try {
    const value = new URLSearchParams(win.location.search).get('standard');
    return value === 'scorm12' || value === 'scorm2004' || value === 'standalone' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The LMS this course runs in: SCORM 2004 is preferred when both APIs exist. The launch URL can
 * force one with `?standard=`, and a package built for one standard passes `only`; then only that
 * one is looked for (`standalone` looks for none).
 */
export function discoverLms(win: Window, only?: 'scorm12' | 'scorm2004'): DiscoveredLms | null {
  const forced = only ?? forcedStandard(win);
  if (forced === 'standalone') return null;
  if (forced !== 'scorm12') {
    const api = findApi(win, 'API_1484_11');
    if (is2004(api)) return { standard: 'scorm2004', api };
  }
  if (forced !== 'scorm2004') {
    const api = findApi(win, 'API');
    if (is12(api)) return { standard: 'scorm12', api };
  }
  return null;
}
