/**
 * Deterministic zip writing and reading with fflate. Equal input gives byte-identical zips: entries
 * are sorted (imsmanifest.xml first), every entry gets the same fixed modification time, and no
 * platform-dependent attributes or extra fields are written.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Fixed entry time. fflate converts the Date to a DOS timestamp with the *local* getters, so the
 * Date is built from local components: every time zone then writes the same bytes.
 */
const FIXED_MTIME = new Date(2020, 0, 1, 0, 0, 0);

export type ZipInput = Record<string, Uint8Array | string>;

function compareEntries(a: string, b: string): number {
  // The manifest first (some tools sniff the first entry), then plain code-unit order.
  if (a === 'imsmanifest.xml') return b === 'imsmanifest.xml' ? 0 : -1;
  if (b === 'imsmanifest.xml') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds a zip from path → contents (strings are written as UTF-8). Paths use forward slashes. */
export function createZip(entries: ZipInput): Uint8Array {
  const names = Object.keys(entries).sort(compareEntries);
  const zippable: Zippable = {};
  const encoder = new TextEncoder();
  for (const name of names) {
    if (name.includes('\\') || name.startsWith('/') || name.split('/').some((s) => s === '' || s === '..')) {
      throw new Error(`Bad zip entry path "${name}": use relative paths with forward slashes`);
    }
    const value = entries[name];
    if (value === undefined) continue;
    zippable[name] = typeof value === 'string' ? encoder.encode(value) : value;
  }
  // Note: JS objects list integer-like keys first; such file names (e.g. "404") are unusual and the
  // order stays deterministic anyway.
  return zipSync(zippable, { level: 9, mtime: FIXED_MTIME });
}

/** Reads every file entry of a zip (directory entries are skipped). */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const files = unzipSync(bytes);
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('/')) out.set(name, data);
  }
  return out;
}

/** Entry names in the order they are stored in the zip's central directory. */
export function zipEntryOrder(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  return names;
}
