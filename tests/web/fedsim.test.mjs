// Browser tests against a sepiola fed by crawling fedsim: real thumbnails
// and avatars through the image proxy, real origin links. Run by
// tests/e2e/web_fedsim.rs with BASE_URL and HOSTS (comma-separated).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

const base = process.env.BASE_URL;
const origin = new URL(base).origin;
const hosts = (process.env.HOSTS || '').split(',').filter(Boolean);
let ctx;

before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

test('thumbnails and avatars load through the proxy, nothing else is asked of other origins', async () => {
  const page = await ctx.newPage();
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  for (const path of ['/search?search=', '/search?search=&type=channels', '/search?search=&type=playlists']) {
    await page.goto(base + path, { waitUntil: 'networkidle' });
    // images are lazy: make them all load, then look
    const imgs = await page.locator('ol.cards img').evaluateAll(async (els) => {
      els.forEach((e) => { e.loading = 'eager'; });
      await Promise.all(els.map((e) => e.decode().catch(() => {})));
      return els.map((e) => ({ src: e.getAttribute('src'), ok: e.complete && e.naturalWidth > 0 }));
    });
    assert.ok(imgs.length >= 5, `${path}: ${imgs.length} images`);
    for (const i of imgs) {
      assert.match(i.src, /^\/img\?src=http/);
      assert.ok(i.ok, `${i.src} did not load`);
    }
  }
  assert.deepEqual(seen.filter((u) => new URL(u).origin !== origin), []);
  await page.close();
});

test('a result leads to the fedsim instance that hosts it', async () => {
  const page = await ctx.newPage();
  await page.goto(base + '/search?search=');
  const link = page.locator('a.origin').first();
  const href = await link.getAttribute('href');
  const host = new URL(href).host;
  assert.ok(hosts.includes(host), `${host} is not one of the crawled instances`);
  assert.match(await link.innerText(), new RegExp(`Watch on ${host.replace(/[.]/g, '\\.')}`));
  await link.click();
  await page.waitForURL(href);
  await page.close();
});

test('the instances page lists every crawled host as healthy', async () => {
  const page = await ctx.newPage();
  await page.goto(base + '/instances');
  const rows = await page.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, hosts.length);
  for (const h of hosts) {
    const row = rows.find((r) => r.includes(h));
    assert.ok(row, `${h} missing`);
    assert.match(row, /OK/);
  }
  await page.close();
});
