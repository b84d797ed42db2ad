// End-to-end tests against the release bundle in dist/, served by a plain static server
// under a sub-path (/zeren/) to prove that asset URLs are relative. Debian's Chromium;
// Playwright never downloads a browser here.
const { defineConfig } = require('@playwright/test');

// ZEREN_E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = Number(process.env.ZEREN_E2E_PORT) || 4173;

module.exports = defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/zeren/`,
    locale: 'zh-CN',
    // The service worker is tested on its own (offline.spec.js, with its own browser); here it
    // would answer requests that tests route or refuse.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } } },
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    command: `rm -rf target/e2e-root-${port} && mkdir -p target/e2e-root-${port} && cp -r dist target/e2e-root-${port}/zeren && exec python3 -m http.server ${port} --bind 127.0.0.1 --directory target/e2e-root-${port}`,
    url: `http://127.0.0.1:${port}/zeren/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
    timeout: 30_000,
  },
});
