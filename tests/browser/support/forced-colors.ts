import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Emulates `forced-colors: active` (a Windows contrast theme) for the whole test page, iframes
 * included, through the DevTools protocol (the `emulate-forced-colors` command in
 * web-test-runner.config.mjs). `emulateMedia({ forcedColors })` of @web/test-runner-commands does
 * not: with puppeteer it ignores that key.
 */
export async function emulateForcedColors(active: boolean): Promise<void> {
  await executeServerCommand('emulate-forced-colors', { active });
}

/** Runs `check` under forced colours and switches them off again, whatever happens. */
export async function withForcedColors(check: () => Promise<unknown>): Promise<void> {
  await emulateForcedColors(true);
  try {
    await check();
  } finally {
    await emulateForcedColors(false);
  }
}
