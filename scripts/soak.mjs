// `npm run soak`: the full soak of the BUILT course (run `npm run build` first). Runs
// web-test-runner with web-test-runner.soak.config.mjs, prints one summary line per standard and
// exits non-zero when anything was lost, a state differed or a standard did not report.
//   SOAK_SESSIONS  sessions per standard (default 200)
//   SOAK_SEED      seed to replay a failing run (default: random, printed)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The package's exports hide package.json; its bin is dist/bin.js (as node_modules/.bin links it).
const bin = join(root, 'node_modules/@web/test-runner/dist/bin.js');

if (!existsSync(join(root, 'dist/scorm12/index.html')) || !existsSync(join(root, 'dist/scorm2004/index.html'))) {
  console.error('soak: the built packages are missing (dist/scorm12, dist/scorm2004); run `npm run build` first.');
  process.exit(2);
}

const sessions = process.env.SOAK_SESSIONS ?? '200';
const seed = process.env.SOAK_SEED || String(Math.floor(Math.random() * 2 ** 31));
const dir = mkdtempSync(join(tmpdir(), 'soak-'));
const reportFile = join(dir, 'report.jsonl');
console.log(`soak: ${sessions} sessions per standard, seed ${seed} (replay: SOAK_SEED=${seed} npm run soak)`);

const started = Date.now();
const run = spawnSync(process.execPath, [bin, '--config', 'web-test-runner.soak.config.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SOAK_SESSIONS: sessions, SOAK_SEED: seed, SOAK_REPORT: reportFile },
});

const reports = existsSync(reportFile)
  ? readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(dir, { recursive: true, force: true });

console.log(`\nsoak summary (${((Date.now() - started) / 1000).toFixed(0)} s):`);
for (const { line } of reports) console.log(line);
const bad = reports.filter(({ report }) => report.answersLost > 0 || report.mismatches > 0);
const missing = ['scorm12', 'scorm2004'].filter(
  (standard) => !reports.some(({ report }) => report.standard === standard),
);
if (missing.length > 0) console.log(`no report from: ${missing.join(', ')}`);
const failed = run.status !== 0 || bad.length > 0 || missing.length > 0;
console.log(failed ? 'soak FAILED' : 'soak passed: nothing lost');
process.exit(failed ? 1 : 0);
