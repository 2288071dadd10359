import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { launchFiles, renderIndexHtml } from './index-html';
import { readSourceFile, renderContentErrorPage } from './content-error-page';

import type * as Compiler from './compiler/compile';

/**
 * Author preview (`npm run dev`): compiles the course on every request of index.html, so an edit in
 * modules/ or assessments/ shows after the automatic reload; content errors are shown in the page
 * (file:line:column) instead of a blank course. Assets (logo, images) are served from modules/.
 */
export function coursePlugin(root: string): Plugin {
  let assets = new Map<string, string>();
  /** cover.css and the generated icon, made with index.html (scripts/index-html.ts launchFiles). */
  let launch = new Map<string, string>();
  const isContent = (file: string) => {
    const path = relative(root, file).split(sep).join('/');
    return path.startsWith('modules/') || path.startsWith('assessments/');
  };
  return {
    name: 'course-content',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      server.watcher.add([resolve(root, 'modules'), resolve(root, 'assessments')]);
      const reload = (file: string) => {
        if (isContent(file)) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        const generated = launch.get(path);
        if (generated !== undefined) {
          res.setHeader('Content-Type', path.endsWith('.css') ? 'text/css' : 'image/svg+xml');
          return void res.end(generated);
        }
        const file = assets.get(decodeURIComponent(path));
        if (!file) return next();
        readFile(file).then(
          (body) => {
            if (file.endsWith('.svg')) res.setHeader('Content-Type', 'image/svg+xml');
            res.end(body);
          },
          () => next(),
        );
      });
    },
    async transformIndexHtml(html, ctx) {
      if (!ctx.path.endsWith('/index.html') && ctx.path !== '/') return html;
      // Loaded through the dev server, not imported at the top: vitest loads this config too and needs
      // none of it, and a dynamic import() here would go through the config loader's module runner,
      // which Vite closes once the config is loaded ("Vite module runner has been closed").
      const { compileCourse } = (await ctx.server!.ssrLoadModule('/scripts/compiler/compile.ts')) as typeof Compiler;
      const compiled = await compileCourse({ root });
      assets = new Map(compiled.assets.map((asset) => [asset.to, asset.from]));
      if (!compiled.content) {
        // In Dutch, with the lines around each problem (scripts/content-error-page.ts).
        return renderContentErrorPage(compiled.problems, (file) => readSourceFile(root, file));
      }
      launch = new Map(launchFiles(compiled.content).map((file) => [file.path, file.text]));
      return renderIndexHtml(html, compiled.content);
    },
  };
}
