/**
 * @xapi/cmi5 names its ES module only in package.json "module" (no "main" or "exports"), which Node
 * and vitest do not read; the runtime imports the file directly and takes its types from the package.
 */
declare module '@xapi/cmi5/dist/Cmi5.esm.js' {
  export { default } from '@xapi/cmi5';
}
