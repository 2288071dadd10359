/**
 * `npm run build`: validate and compile the course, bundle the runtime, write the plain web folder
 * (dist/web) and one checked SCORM package per standard (dist/<id>-<version>-scorm12.zip, ...-scorm2004.zip).
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { compileCourse } from './compiler/compile';
import { formatProblem } from './compiler/problem';
import { launchFiles, renderIndexHtml, scriptFiles } from './index-html';
import { packageCourse } from '../scorm/packaging/package';
import { packageCmi5 } from '../scorm/packaging/cmi5-package';
import { minifyTemplatesPlugin } from './minify-templates';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TARGETS = ['standalone', 'scorm12', 'scorm2004', 'cmi5'] as const;
type Target = (typeof TARGETS)[number];

async function bundleRuntime(target: Target, outDir: string): Promise<void> {
  await viteBuild({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    mode: 'production',
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
      __COURSE_LMS__: JSON.stringify(target),
    },
    plugins: [minifyTemplatesPlugin()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // terser with a few passes: ~2 % smaller than the default minifier, which counts against the budget.
      minify: 'terser',
      terserOptions: { ecma: 2020, compress: { passes: 3, pure_getters: true, unsafe_arrows: true } },
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: join(root, 'src/main.ts'), formats: ['iife'], name: 'Course', fileName: () => 'course.js' },
      // @xapi/cmi5 runs code at module level (its bundled HTTP client), so the bundler keeps it even where
      // no code calls it; declared side-effect free, it stays out of every bundle but the cmi5 one.
      rollupOptions:
        target === 'cmi5' ? {} : { treeshake: { moduleSideEffects: (id: string) => !/[\\/]@xapi[\\/]/.test(id) } },
    },
  });
}

export interface BuildOutput {
  /** The plain web folder (standalone). */
  webDir: string;
  /** The unpacked runtime of each SCORM package (what the browser tests run). */
  packageDirs: Record<'scorm12' | 'scorm2004' | 'cmi5', string>;
  packages: Array<{ standard: string; path: string; bytes: number }>;
  seconds: number;
}

export async function buildCourse(outDir = join(root, 'dist')): Promise<BuildOutput | null> {
  const started = performance.now();
  const compiled = await compileCourse({ root });
  for (const problem of compiled.problems) console.error(formatProblem(problem));
  if (!compiled.content) {
    const errors = compiled.problems.filter((p) => p.severity === 'error').length;
    console.error(`\n✘ Build stopped: ${errors} error${errors === 1 ? '' : 's'} in the course content (see above).`);
    return null;
  }
  const content = compiled.content;
  const template = await readFile(join(root, 'index.html'), 'utf8');
  // The launch screen's stylesheet (and the icon, without a logo), the loader and the content: the
  // same in every package.
  const launch = [...launchFiles(content), ...scriptFiles(content, 'course.js')];
  const dirs: Record<Target, string> = {
    standalone: join(outDir, 'web'),
    scorm12: join(outDir, 'scorm12'),
    scorm2004: join(outDir, 'scorm2004'),
    cmi5: join(outDir, 'cmi5'),
  };
  // One runtime per target, each with only the LMS adapter it can use (see src/lms/connect.ts).
  for (const target of TARGETS) {
    await bundleRuntime(target, dirs[target]);
    await writeFile(join(dirs[target], 'index.html'), renderIndexHtml(template, content, { script: 'course.js' }));
    for (const file of launch) await writeFile(join(dirs[target], file.path), file.text);
    for (const asset of compiled.assets) {
      const file = join(dirs[target], asset.to);
      await mkdir(dirname(file), { recursive: true });
      await copyFile(asset.from, file);
    }
  }

  const packages: BuildOutput['packages'] = await packageCourse({
    content,
    webDir: { scorm12: dirs.scorm12, scorm2004: dirs.scorm2004 },
    outDir,
  });
  const cmi5 = await packageCmi5({ content, webDir: dirs.cmi5, outDir });
  if (!cmi5.xsdChecked) console.warn('! cmi5.xml checked by rules only: CourseStructure.xsd not found (set CMI5_XSD)');
  packages.push(cmi5);
  return {
    webDir: dirs.standalone,
    packageDirs: { scorm12: dirs.scorm12, scorm2004: dirs.scorm2004, cmi5: dirs.cmi5 },
    packages,
    seconds: (performance.now() - started) / 1000,
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  buildCourse()
    .then((output) => {
      if (!output) process.exit(1);
      for (const pkg of output.packages) {
        console.log(
          `✔ ${pkg.standard.padEnd(9)} ${pkg.path.slice(root.length + 1)}  ${(pkg.bytes / 1024).toFixed(1)} KB`,
        );
      }
      console.log(`✔ web folder ${output.webDir.slice(root.length + 1)}/ (open index.html or serve it)`);
      console.log(`Built in ${output.seconds.toFixed(1)} s`);
    })
    .catch((error: unknown) => {
      console.error(`✘ Build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
