import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { renderIndexHtml } from './index-html';
import { escapeHtml } from '../src/shared/html';

/**
 * Author preview (`npm run dev`): compiles the course on every request of index.html, so an edit in
 * modules/ or assessments/ shows after the automatic reload; content errors are shown in the page
 * (file:line:column) instead of a blank course. Assets (logo, images) are served from modules/.
 */
export function coursePlugin(root: string): Plugin {
  let assets = new Map<string, string>();
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
      // Imported here, not at the top: vitest loads this config too and needs none of it.
      const { compileCourse } = await import('./compiler/compile');
      const { formatProblem } = await import('./compiler/problem');
      const compiled = await compileCourse({ root });
      assets = new Map(compiled.assets.map((asset) => [asset.to, asset.from]));
      if (!compiled.content) {
        const list = compiled.problems.map((p) => `<li><code>${escapeHtml(formatProblem(p))}</code></li>`).join('');
        return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content errors</title></head><body><main><h1>The course content has errors</h1><ul>${list}</ul><p>Fix them and save: this page reloads.</p></main></body></html>`;
      }
      return renderIndexHtml(html, compiled.content);
    },
  };
}
