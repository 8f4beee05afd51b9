// Writes docs/screenshots/events-*.png and groups-*.png: the event results
// near Lyon (desktop and 360 px, English and French, light and dark) and
// the groups near Lyon. Needs BASE_URL (a running sepiola with Mobilizon
// documents); run by `SCREENSHOTS=1 cargo test --test e2e web_events`.
import { test } from 'node:test';
import { launch } from './browser.mjs';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL;
const out = process.env.OUT || '../../docs/screenshots';

test('event screenshots', async () => {
  mkdirSync(out, { recursive: true });
  const ctx = await launch();
  for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
    for (const scheme of ['light', 'dark']) {
      for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
        const page = await ctx.newPage();
        await page.setExtraHTTPHeaders({ 'Accept-Language': locale });
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(viewport);
        for (const [name, path] of [['events', '/search?search=&type=events&place=Lyon&radius=250'], ['groups', '/search?search=&type=groups&place=Lyon&radius=100']]) {
          if (name === 'groups' && device === 'phone') continue;
          await page.goto(base + path, { waitUntil: 'networkidle' });
          if (device === 'phone') {
            // On a phone the filters start folded: show the results.
            await page.evaluate(() => document.querySelectorAll('details.filters').forEach((d) => { d.open = false; }));
          }
          await page.screenshot({ path: `${out}/${name}-${device}-${lang}-${scheme}.png` });
        }
        await page.close();
      }
    }
  }
  await ctx.close();
});
