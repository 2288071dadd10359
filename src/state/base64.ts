/**
 * The small alphabet the saved state is written in: base64url for indexes, bitsets and escaped UTF-8,
 * base36 for numbers. Nothing an LMS escapes or mangles.
 */
export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function bytesToB64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let c = 0; c < chars; c++) out += B64.charAt((n >> (18 - 6 * c)) & 63);
  }
  return out;
}

export function b64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let c = 0; c < 4; c++) {
      const v = c < chunk.length ? B64.indexOf(chunk.charAt(c)) : 0;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    out.push((n >> 16) & 255);
    if (chunk.length > 2) out.push((n >> 8) & 255);
    if (chunk.length > 3) out.push(n & 255);
  }
  return Uint8Array.from(out);
}

export const utf8ToB64 = (value: string): string => bytesToB64(new TextEncoder().encode(value));

export function b64ToUtf8(text: string): string | null {
  const bytes = b64ToBytes(text);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** One index as a token; '' when it has none (unknown value, or beyond the 64 a character holds). */
export const token = (index: number): string => (index >= 0 && index < 64 ? B64.charAt(index) : '');

/** A number 0 ≤ n < 64^width as `width` base64url characters. */
export function b64Number(n: number, width: number): string {
  let out = '';
  for (let i = width - 1; i >= 0; i--) out += B64.charAt(Math.floor(n / 64 ** i) % 64);
  return out;
}

export function parseBase36(text: string): number | null {
  if (!/^[0-9a-z]{1,8}$/.test(text)) return null;
  return Number.parseInt(text, 36);
}

export function encodeBits(indexes: readonly number[], size: number): string {
  const chars: number[] = [];
  for (const i of indexes) {
    if (!Number.isInteger(i) || i < 0 || i >= size) continue;
    const c = Math.floor(i / 6);
    while (chars.length <= c) chars.push(0);
    chars[c]! |= 1 << (i % 6);
  }
  return chars
    .map((v) => B64.charAt(v))
    .join('')
    .replace(/A+$/, '');
}

export function decodeBits(text: string, size: number): number[] | null {
  const out: number[] = [];
  for (let c = 0; c < text.length; c++) {
    const v = B64.indexOf(text.charAt(c));
    if (v < 0) return null;
    for (let b = 0; b < 6; b++) {
      if (v & (1 << b)) {
        const i = c * 6 + b;
        if (i >= size) return null;
        out.push(i);
      }
    }
  }
  return out;
}

/** The scores in 1/10000, 3 base36 characters each: they do not depend on the content. */
export function encodeScores(scores: readonly number[]): string {
  return scores
    .map((s) =>
      Math.round(Math.min(1, Math.max(0, Number.isFinite(s) ? s : 0)) * 10000)
        .toString(36)
        .padStart(3, '0'),
    )
    .join('');
}

export function parseScores(text: string): number[] | null {
  if (text.length % 3 !== 0) return null;
  const scores: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    const v = parseBase36(text.slice(i, i + 3));
    if (v === null || v > 10000) return null;
    scores.push(v / 10000);
  }
  return scores;
}

/** The seed as the PRNG uses it (src/assessment/draw.ts takes `seed >>> 0`). */
export const seedOf = (seed: number): number => (Number.isFinite(seed) ? seed >>> 0 : 0);
