import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/e2e/browser';

// Debian's Chromium ($CHROMIUM_PATH, else /usr/bin/chromium); Playwright's own browser otherwise.
const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'web',
      testMatch: /.*\.spec\.ts$/,
      testIgnore: /.*\.electron\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(executablePath !== null ? { executablePath } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts$/ },
  ],
});
