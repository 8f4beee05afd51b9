// Launches Debian's Chromium the way this closed network needs it.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `options` go to the context (`{ javaScriptEnabled: false }`…). The fresh
// profile directory is removed once the context (and its browser) closed;
// a leftover never fails a test.
export async function launch(options = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sepiola-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic',
    ],
  });
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    } catch {
      // Chromium may still be writing its profile; /tmp is cleaned anyway.
    }
  };
  return context;
}
