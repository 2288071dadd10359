import { describe, expect, it } from 'vitest';
import { createZip, readZip, zipEntryOrder } from '../../../scorm/packaging/zip';

/** Reads the local file headers (PKZIP APPNOTE 4.3.7) of a zip without data descriptors. */
function localHeaders(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: Array<{
    name: string;
    method: number;
    time: number;
    date: number;
    compressed: number;
    size: number;
    extra: number;
  }> = [];
  let offset = 0;
  while (offset + 4 <= zip.byteLength && view.getUint32(offset, true) === 0x04034b50) {
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extra = view.getUint16(offset + 28, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(offset + 30, offset + 30 + nameLength)),
      method: view.getUint16(offset + 8, true),
      time: view.getUint16(offset + 10, true),
      date: view.getUint16(offset + 12, true),
      compressed,
      size: view.getUint32(offset + 22, true),
      extra,
    });
    offset += 30 + nameLength + extra + compressed;
  }
  return out;
}

const input = () => ({
  'index.html': '<!doctype html><title>x</title>',
  'assets/app.js': 'console.log("hallo");\n'.repeat(50),
  imsmanifest: new Uint8Array([1, 2, 3]),
  'imsmanifest.xml': '<manifest/>',
});

describe('createZip', () => {
  it('gives byte-identical zips for equal input, whatever the key order', () => {
    const a = createZip(input());
    const reversed = Object.fromEntries(Object.entries(input()).reverse());
    const b = createZip(reversed);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('differs when a file differs', () => {
    const a = createZip(input());
    const b = createZip({ ...input(), 'index.html': 'other' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('stores imsmanifest.xml first, then sorted paths with forward slashes', () => {
    expect(zipEntryOrder(createZip(input()))).toEqual([
      'imsmanifest.xml',
      'assets/app.js',
      'imsmanifest',
      'index.html',
    ]);
  });

  it('round-trips contents (strings as UTF-8) and compresses', () => {
    const zip = createZip({ ...input(), 'ü.txt': 'één' });
    const files = readZip(zip);
    expect(new TextDecoder().decode(files.get('ü.txt'))).toBe('één');
    expect(new TextDecoder().decode(files.get('assets/app.js'))).toBe('console.log("hallo");\n'.repeat(50));
    expect([...(files.get('imsmanifest') ?? [])]).toEqual([1, 2, 3]);
    const app = localHeaders(zip).find((h) => h.name === 'assets/app.js');
    expect(app?.method).toBe(8); // deflate
    expect(app?.compressed).toBeLessThan((app?.size ?? 0) / 10);
  });

  it('writes the fixed DOS time 2020-01-01 00:00 and no extra fields in every local header', () => {
    const headers = localHeaders(createZip(input()));
    expect(headers).toHaveLength(4);
    for (const h of headers) {
      expect(h.time).toBe(0); // 00:00:00
      expect(h.date).toBe(((2020 - 1980) << 9) | (1 << 5) | 1);
      expect(h.extra).toBe(0);
    }
  });

  it('refuses backslashes, absolute paths and ".."', () => {
    expect(() => createZip({ 'a\\b.js': '' })).toThrow(/forward slashes/);
    expect(() => createZip({ '/a.js': '' })).toThrow();
    expect(() => createZip({ '../a.js': '' })).toThrow();
  });
});
