/**
 * FNV-1a, 32 bit, over UTF-16 code units: small and deterministic. Used where the course needs
 * "same or not" (saved-state fingerprints, the journal's base) or a seed from a text (option
 * orders); never for anything secret.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
