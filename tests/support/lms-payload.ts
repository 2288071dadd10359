/**
 * The size of what an LMS runtime that re-sends the whole CMI at every Commit puts on the wire, the
 * way Moodle's scorm_13.js and scorm_12.js build it (`&cmi__interactions__0__id=<encodeURIComponent>`
 * per element). While the page unloads Moodle sends it with navigator.sendBeacon, which refuses a
 * body over 64 KB: the course's whole state must stay below that.
 */
export const BEACON_LIMIT_BYTES = 64 * 1024;

/** Bytes of the form-encoded body for these (flattened) CMI values. */
export function wholeStatePayloadBytes(cmi: Readonly<Record<string, string>>): number {
  let bytes = 0;
  for (const [element, value] of Object.entries(cmi)) {
    if (element.endsWith('._count') || element.endsWith('._children')) continue;
    bytes += `&${element.replace(/\./g, '__')}=${encodeURIComponent(value)}`.length;
  }
  return bytes;
}
