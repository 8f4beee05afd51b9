// Browser tests of moderation in the open (issue 12) against a real sepiola
// (BASE_URL) over the committed fixture, with decisions taken and a policy
// configured by tests/e2e/web_moderation.rs: the report form reached from a
// result works without JavaScript; /moderation and /policy in English and
// French, light and dark, are axe clean and fit a 360 px phone; the policy's
// Markdown keeps no HTML or script of its own. Screenshots go to SHOTS_DIR.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { launch } from './browser.mjs';

const base = process.env.BASE_URL;
const shots = process.env.SHOTS_DIR;
let ctx;
let noJs;

before(async () => {
  ctx = await launch();
  noJs = await launch({ javaScriptEnabled: false });
  if (shots) mkdirSync(shots, { recursive: true });
});
after(async () => { await ctx?.close(); await noJs?.close(); });

async function newPage(context, locale = 'en-US') {
  const page = await context.newPage();
  await page.setExtraHTTPHeaders({ 'Accept-Language': locale });
  return page;
}

test('every result has a Report link; the form works without JavaScript', async () => {
  const page = await newPage(noJs);
  await page.goto(base + '/search?search=jazz');
  const cards = page.locator('ol.cards > li');
  const n = await cards.count();
  assert.ok(n >= 2, `only ${n} results`);
  assert.equal(await page.locator('ol.cards > li a.report').count(), n, 'a result without a Report link');
  const title = await cards.first().locator('h2').innerText();
  await cards.first().getByRole('link', { name: new RegExp(`^Report`) }).click();
  await page.waitForURL(/\/report\?kind=video&host=/);
  assert.match(await page.locator('h1').innerText(), /Report a result/);
  await page.getByLabel('Reason').selectOption('spam');
  await page.getByLabel('What is wrong (optional)').fill(`browser report about ${title}`);
  await page.getByLabel('Contact (optional)').fill('reporter@example.org');
  if (shots) await page.screenshot({ path: `${shots}/report-desktop-en-light.png` });
  await page.getByRole('button', { name: 'Send the report' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('main').innerText(), /Thank you: your report was received/);
  await page.close();
});

test('the French report form', async () => {
  const page = await newPage(noJs, 'fr-FR');
  await page.goto(base + '/search?search=jazz');
  await page.locator('ol.cards > li').first().getByRole('link', { name: /^Signaler/ }).click();
  await page.getByLabel('Motif').selectOption('hate');
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('main').innerText(), /Merci : votre signalement a bien été reçu/);
  await page.close();
});

const pages = [
  ['moderation', '/moderation', { en: /Decisions/, fr: /Décisions/ }],
  ['policy', '/policy', { en: /What this index lists/, fr: /Ce que cet index référence/ }],
  ['instances-moderation', '/instances', { en: /Blocked: /, fr: /Bloquée : / }],
];

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  for (const scheme of ['light', 'dark']) {
    test(`moderation and policy pages (${lang}, ${scheme}): content, axe, phone width`, async () => {
      const page = await newPage(ctx, locale);
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, path, expect] of pages) {
        for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
          await page.setViewportSize(viewport);
          await page.goto(base + path);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          assert.match(await page.locator('main').innerText(), expect[lang], `${path} ${lang}`);
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          assert.deepEqual(summary, [], `${path} ${lang} ${scheme} ${device}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `${path} is ${width}px wide on ${viewport.width}`);
          if (shots && name !== 'instances-moderation') {
            await page.screenshot({ path: `${shots}/${name}-${device}-${lang}-${scheme}.png`, fullPage: device === 'desktop' });
          }
        }
      }
      await page.close();
    });
  }
}

test('the policy keeps no HTML, script or unsafe link of its own', async () => {
  const page = await newPage(ctx);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.goto(base + '/policy');
  const policy = page.locator('.policy');
  assert.equal(await policy.locator('script, img, iframe, [onclick]').count(), 0);
  assert.match(await policy.innerText(), /<script>alert\(1\)<\/script>/, 'raw HTML is shown as text');
  const hrefs = await policy.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['https://joinpeertube.org/']);
  assert.match(await policy.innerText(), /bad link/);
  assert.equal(await policy.locator('h2').count(), 1);
  assert.equal(dialogs, 0);
  await page.close();
});
