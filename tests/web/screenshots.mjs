// Writes docs/screenshots/*.png: desktop and 360 px, English and French,
// light and dark, of the home and results pages, and of results with three
// filters as chips (English light, French dark); German, Russian and
// Japanese (the longest words, Cyrillic, CJK) light, desktop and 360 px; and
// the language menu open on a phone. Needs BASE_URL (a running sepiola).
// Run: BASE_URL=http://127.0.0.1:8080 node screenshots.mjs
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
// Results with filters in effect, shown as chips: three filters the first
// result of the query passes (sensitive shown, its language or category,
// its length), so that the page still lists something.
const first = (await (await fetch(`${base}/api/v1/search/videos?search=${encodeURIComponent(query)}&nsfw=both`)).json()).data[0];
const filters = ['sensitive=show'];
if (first?.language?.id) filters.push(`language=${first.language.id}`);
else if (first?.category?.id) filters.push(`category=${first.category.id}`);
const d = first?.duration ?? 0;
filters.push(`duration=${d < 240 ? 'short' : d <= 600 ? 'medium' : 'long'}`);
const filtered = `/search?search=${encodeURIComponent(query)}&${filters.join('&')}`;
const shots = [['en', 'en-US', ['light', 'dark']], ['fr', 'fr-FR', ['light', 'dark']],
  ['de', 'de-DE', ['light']], ['ru', 'ru-RU', ['light']], ['ja', 'ja-JP', ['light']]];
for (const [lang, locale, schemes] of shots) {
  for (const scheme of schemes) {
    for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
      const page = await ctx.newPage();
      await page.setExtraHTTPHeaders({ 'Accept-Language': locale });
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      const pages = [['home', '/'], ['results', `/search?search=${encodeURIComponent(query)}`]];
      if ((lang === 'en' && scheme === 'light') || (lang === 'fr' && scheme === 'dark')) pages.push(['filtered', filtered]);
      for (const [name, path] of pages) {
        await page.goto(base + path, { waitUntil: 'networkidle' });
        await page.screenshot({ path: `${out}/${name}-${device}-${lang}-${scheme}.png`, fullPage: name === 'results' && device === 'desktop' ? false : false });
      }
      await page.close();
    }
  }
}
// The language menu, open, on a phone (German: the longest names).
for (const scheme of ['light', 'dark']) {
  const page = await ctx.newPage();
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'de-DE' });
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${base}/search?search=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
  await page.locator('details.langs summary').click();
  await page.screenshot({ path: `${out}/menu-phone-de-${scheme}.png` });
  await page.close();
}
await ctx.close();
console.log('screenshots written to', out);
