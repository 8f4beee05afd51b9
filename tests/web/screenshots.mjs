// Writes docs/screenshots/*.png: desktop and 360 px, English and French,
// light and dark, of the home and results pages. Needs BASE_URL (a running
// sepiola). Run: BASE_URL=http://127.0.0.1:8080 node screenshots.mjs
import { launch } from './browser.mjs';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL;
if (!base) throw new Error('BASE_URL is required');
const out = process.env.OUT || '../../docs/screenshots';
let query = process.env.QUERY ?? '';
mkdirSync(out, { recursive: true });

const ctx = await launch();
if (!query) {
  // Pick a real, frequent word: the commonest long word of the titles of the
  // first pages of everything indexed.
  const probe = await ctx.newPage();
  const counts = new Map();
  for (const p of [1, 2, 3]) {
    await probe.goto(`${base}/search?search=&page=${p}`);
    for (const t of await probe.locator('ol.cards h2').allInnerTexts()) {
      for (const w of t.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 5)) {
        counts.set(w, (counts.get(w) || 0) + 1);
      }
    }
  }
  query = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] || 'video';
  await probe.close();
}
for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  for (const scheme of ['light', 'dark']) {
    for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
      const page = await ctx.newPage();
      await page.setExtraHTTPHeaders({ 'Accept-Language': locale });
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      for (const [name, path] of [['home', '/'], ['results', `/search?search=${encodeURIComponent(query)}`]]) {
        await page.goto(base + path, { waitUntil: 'networkidle' });
        await page.screenshot({ path: `${out}/${name}-${device}-${lang}-${scheme}.png`, fullPage: name === 'results' && device === 'desktop' ? false : false });
      }
      await page.close();
    }
  }
}
await ctx.close();
console.log('screenshots written to', out);
