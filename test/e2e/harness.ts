// Starts the built browser mode (dist/node/web-host.mjs) on a free port with a fresh home folder,
// and Debian's Chromium driven by playwright-core. Build first: `npm test` does.

import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureNodeBundles, ensureRenderer } from '../../electron/build.mjs';
import { CHROMIUM, CHROMIUM_ARGS, spawnHost } from './launch.mjs';
import { REPO, tempDir } from '../helpers/backend';

export { CHROMIUM, CHROMIUM_ARGS };

export interface App {
  url: string;
  home: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and uncaught exceptions: a test fails on any. */
  errors: string[];
  close(): Promise<void>;
}

export async function startHost(home: string): Promise<{ url: string; process: ChildProcess }> {
  // Rebuild whatever is older than its sources, so a test never runs a stale or broken build.
  await ensureRenderer();
  await ensureNodeBundles({ quiet: true });
  const { child, address } = spawnHost(REPO, ['--home', home]);
  const url = await address;
  return { url, process: child };
}

export async function startApp(options: { viewport?: { width: number; height: number }; downloads?: boolean } = {}): Promise<App> {
  const home = tempDir('groundwork-e2e-');
  const host = await startHost(home);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(host.url);
  return {
    url: host.url,
    home,
    browser,
    context,
    page,
    errors,
    async close() {
      await browser.close();
      host.process.kill('SIGTERM');
      await new Promise((resolve) => host.process.once('exit', resolve));
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
