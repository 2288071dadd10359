import type { EmulatedStandard } from '../../../src/preview/lms-emulator';

/**
 * The unpacked runtime of the package for `standard`, as `npm run build` writes it (dist/scorm12/,
 * dist/scorm2004/): exactly what the zip carries apart from the manifest and schema files.
 */
export function coursePackageUrl(standard: EmulatedStandard): string {
  return `/dist/${standard}/index.html`;
}

/** The plain web folder (standalone, no LMS). */
export const STANDALONE_URL = '/dist/web/index.html';
