import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { coursePlugin } from './scripts/vite-course-plugin';
import { lrsConnectMiddleware } from './src/preview/lrs/middleware';

const root = dirname(fileURLToPath(import.meta.url));

// Dev server (author preview with the LMS emulator) and vitest. The production bundle is made by
// scripts/build.ts, which runs vite with its own settings (IIFE, no dev-only pages). The scripts load
// it with `--configLoader runner`: it imports the content compiler, whose extension-less TypeScript
// imports Vite's native config loader cannot follow (it would warn about each of them).
export default defineConfig({
  base: './',
  plugins: [
    coursePlugin(root),
    // The emulated cmi5 LRS for the preview (src/preview/lrs/).
    { name: 'cmi5-lrs', configureServer: (server) => void server.middlewares.use(lrsConnectMiddleware) },
  ],
  server: { port: 5173 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
  },
});
