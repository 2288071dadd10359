import { describe, expect, it } from 'vitest';
import { STORAGE_UNAVAILABLE, StandaloneConnection, standaloneKey } from '../../../src/lms/standalone';
import { sampleRecords } from './helpers';
import { launchData } from '../../../src/lms/types';

/** A Map-backed Storage, optionally refusing writes (quota) to simulate a full or blocked store. */
function memoryStorage(refuseWrites = false): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k: string) => map.get(k) ?? null,
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => void map.delete(k),
    setItem: (k: string, v: string) => {
      if (refuseWrites) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
  };
}

describe('StandaloneConnection', () => {
  it('keeps progress per course id and version across launches', () => {
    const storage = memoryStorage();
    const first = new StandaloneConnection('cursus', '1.0.0', () => storage);
    expect(first.standard).toBe('standalone');
    expect(first.start()).toEqual(launchData());
    expect(first.save({ location: 'p2', suspendData: '1.xyz' })).toBe(true);
    expect(first.recordInteraction(sampleRecords[0]!)).toBe(true);
    expect(first.finish(false)).toBe(true);
    expect(first.finish(false)).toBe(true);
    expect(first.lastError).toBe('');
    expect(storage.getItem(standaloneKey('cursus', '1.0.0'))).toContain('1.xyz');

    const again = new StandaloneConnection('cursus', '1.0.0', () => storage);
    expect(again.start()).toEqual(launchData({ suspendData: '1.xyz', location: 'p2', resumed: true }));
    const otherVersion = new StandaloneConnection('cursus', '2.0.0', () => storage);
    expect(otherVersion.start()?.resumed).toBe(false);
  });

  it('falls back to memory when localStorage cannot even be read', () => {
    const lms = new StandaloneConnection('cursus', '', () => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(lms.start()).toEqual(launchData());
    expect(lms.lastError).toBe(STORAGE_UNAVAILABLE);
    expect(lms.save({ location: 'a', suspendData: 'b' })).toBe(true);
    expect(lms.lastError).toBe(STORAGE_UNAVAILABLE);
    expect(lms.commit()).toBe(true);
  });

  it('falls back to memory when writes fail, and ignores garbage in storage', () => {
    const storage = memoryStorage(true);
    const lms = new StandaloneConnection('cursus', '', () => storage);
    expect(lms.start()?.resumed).toBe(false);
    expect(lms.lastError).toBe('');
    expect(lms.save({ location: 'a', suspendData: 'b' })).toBe(true);
    expect(lms.lastError).toBe(STORAGE_UNAVAILABLE);

    const broken = memoryStorage();
    const key = standaloneKey('cursus');
    broken.getItem = (k: string) => (k === key ? '{not json' : null);
    const lms2 = new StandaloneConnection('cursus', '', () => broken);
    expect(lms2.start()).toEqual(launchData());
    expect(lms2.lastError).toBe('');
  });
});
