import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/** Debian's chromium (Playwright cannot download its own browsers here); CHROMIUM_PATH overrides it. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium', { shell: '/bin/sh', encoding: 'utf8' }).trim();
  } catch {
    throw new Error("Chromium is missing: install Debian's package 'chromium', or set CHROMIUM_PATH");
  }
}

/** Artifacts (screenshots of every page, traces of failures, axe reports) stay out of git, under .data/. */
export const ARTIFACTS = resolve(__dirname, '../../.data/web-tests');

export default defineConfig({
  testDir: './e2e',
  outputDir: resolve(ARTIFACTS, 'results'),
  globalSetup: './e2e/support/global-setup.ts',
  // Two busy cores: one browser at a time, generous waits on UI state, never fixed sleeps.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: resolve(__dirname, '../../.data/test-results/web.playwright.json') }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath() },
    locale: 'en-GB',
    timezoneId: 'Europe/Zurich',
    viewport: { width: 1280, height: 900 },
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
