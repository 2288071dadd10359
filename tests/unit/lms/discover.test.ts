import { describe, expect, it } from 'vitest';
import { discoverLms, findApi, forcedStandard } from '../../../src/lms/discover';
import { fakeScorm12Api, fakeScorm2004Api } from '../../support/fake-scorm-api';

const api12 = fakeScorm12Api();
const api2004 = fakeScorm2004Api();

interface FakeWin {
  parent: FakeWin;
  top?: FakeWin;
  opener?: FakeWin | null;
  location: { search: string };
  [key: string]: unknown;
}

/** A chain of fake windows: index 0 is the course frame, the last one is the top. */
function chain(depth: number, search = ''): FakeWin[] {
  const wins: FakeWin[] = [];
  for (let i = 0; i <= depth; i++) wins.push({ location: { search } } as FakeWin);
  wins.forEach((w, i) => {
    w.parent = wins[i + 1] ?? w;
  });
  const top = wins[wins.length - 1]!;
  wins.forEach((w) => (w.top = top));
  return wins;
}

/** A window whose every property read throws, like a cross-origin frame. */
function crossOrigin(parent: FakeWin): FakeWin {
  return new Proxy({} as FakeWin, {
    get(_t, prop) {
      if (prop === 'parent') return parent;
      throw new DOMException('Blocked a frame', 'SecurityError');
    },
  });
}

const asWin = (w: FakeWin): Window => w as unknown as Window;

describe('findApi', () => {
  it('finds the API in the window itself or a parent', () => {
    const wins = chain(3);
    wins[2]!.API = api12;
    expect(findApi(asWin(wins[0]!), 'API')).toBe(api12);
    expect(findApi(asWin(wins[0]!), 'API_1484_11')).toBeNull();
  });

  it('stops after 7 parent levels', () => {
    const wins = chain(10);
    wins[7]!.API = api12;
    expect(findApi(asWin(wins[0]!), 'API')).toBe(api12);
    const deeper = chain(10);
    deeper[8]!.API = api12;
    expect(findApi(asWin(deeper[0]!), 'API')).toBeNull();
  });

  it('skips cross-origin frames without throwing', () => {
    const wins = chain(3);
    wins[3]!.API_1484_11 = api2004;
    const blocked = crossOrigin(wins[2]!);
    wins[1]!.parent = blocked;
    expect(findApi(asWin(wins[0]!), 'API_1484_11')).toBe(api2004);
  });

  it('looks in the opener and its parents when the frames have none', () => {
    const lmsWins = chain(1);
    lmsWins[1]!.API = api12;
    const course = chain(0);
    course[0]!.opener = lmsWins[0]!;
    expect(findApi(asWin(course[0]!), 'API')).toBe(api12);
    // and via the top window's opener when the course is framed inside the popup
    const popup = chain(1);
    popup[1]!.opener = lmsWins[0]!;
    expect(findApi(asWin(popup[0]!), 'API')).toBe(api12);
  });
});

describe('discoverLms', () => {
  it('prefers SCORM 2004 when both APIs exist', () => {
    const wins = chain(1);
    wins[1]!.API = api12;
    wins[1]!.API_1484_11 = api2004;
    expect(discoverLms(asWin(wins[0]!))).toEqual({ standard: 'scorm2004', api: api2004 });
  });

  it('honours ?standard= in the launch URL', () => {
    for (const [search, expected] of [
      ['?standard=scorm12', 'scorm12'],
      ['?a=1&standard=scorm2004', 'scorm2004'],
      ['?standard=standalone', null],
    ] as const) {
      const wins = chain(1, search);
      wins[1]!.API = api12;
      wins[1]!.API_1484_11 = api2004;
      expect(discoverLms(asWin(wins[0]!))?.standard ?? null).toBe(expected);
    }
    expect(forcedStandard(asWin(chain(0, '?standard=cmi5')[0]!))).toBeNull();
  });

  it('ignores objects that lack the API functions', () => {
    const wins = chain(1);
    wins[1]!.API_1484_11 = { Initialize: () => 'true' };
    wins[1]!.API = api12;
    expect(discoverLms(asWin(wins[0]!))?.standard).toBe('scorm12');
    expect(discoverLms(asWin(chain(2)[0]!))).toBeNull();
  });
});
