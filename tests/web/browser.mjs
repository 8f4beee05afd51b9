// Launches Debian's Chromium the way this closed network needs it.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `options` go to the context (`{ javaScriptEnabled: false }`…).
export async function launch(options = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sepiola-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic',
    ],
  });
}
