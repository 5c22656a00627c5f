/**
 * Debian's Chromium driven by playwright-core. No browser is downloaded: a missing Chromium is a
 * failure with the command that installs it, never a skipped test.
 */
import { existsSync, rmSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { scratchDir } from '../helpers.js';

export const CHROMIUM = '/usr/bin/chromium';

export interface LaunchedBrowser {
  /** A persistent context on a fresh, temporary profile (playwright's way of --user-data-dir). */
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it. Install it with "apt-get install chromium" (Debian).`);
  }
  const profile = scratchDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    // Without the networking flags Chromium keeps calling home and floods a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
