/**
 * Custom-elements manifest of the course components (@custom-elements-manifest/analyzer).
 * `npm run docs:components` builds it in memory and turns it into docs/components.md
 * (scripts/component-docs.ts); `npx cem analyze` writes dist/custom-elements.json for editors.
 */

/**
 * Two corrections to what the analyzer makes of our classes:
 * - A field a subclass narrows (`declare item: ClassifyItem | null`) keeps its own type; the
 *   analyzer's inheritance step would put the base class's type back.
 * - Events are the ones documented with `@event`; the analyzer also infers one from
 *   CourseElement.emit's `new CustomEvent(name, ...)`, whose name is a variable.
 */
const courseComponents = () => {
  const classes = (manifest) => manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.kind === 'class');
  return {
    name: 'course-components',
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        for (const member of declaration.members ?? []) if (member.type) member.ownType = member.type;
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        for (const member of declaration.members ?? []) {
          if (member.ownType) member.type = member.ownType;
          delete member.ownType;
        }
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
      }
    },
  };
};

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  // This is an application, not a package: never add a "customElements" field to package.json.
  packagejson: false,
  quiet: true,
  plugins: [courseComponents()],
};
