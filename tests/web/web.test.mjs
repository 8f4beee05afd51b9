// Browser tests of the web page against a real sepiola (BASE_URL), serving
// the committed fixture (tests/fixtures/relevance.jsonl). Run by tests/e2e/web.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch } from './browser.mjs';

const base = process.env.BASE_URL;
const origin = new URL(base).origin;
let ctx;

before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

async function newPage(locale = 'en-US') {
  const page = await ctx.newPage();
  await page.setExtraHTTPHeaders({ 'Accept-Language': locale });
  return page;
}

test('search from the home page, then filter, reset and paginate', async () => {
  const page = await newPage();
  await page.goto(base + '/');
  await page.getByRole('searchbox').fill('jazz night');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?search=jazz(\+|%20)night/);
  assert.equal(await page.locator('ol.cards > li').count(), 3);
  assert.match(await page.locator('#count').innerText(), /3 results/);

  // filter by language through the plain GET form
  await page.locator('details.filters summary').click();
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/language=fr/);
  assert.equal(await page.locator('ol.cards > li').count(), 1);
  assert.match(await page.locator('.filters summary').innerText(), /one active filter/);
  assert.match(await page.locator('ol.cards').innerText(), /Watch on video\.example\.fr/);

  // reset
  await page.locator('.filters').getByRole('link', { name: 'Reset' }).click();
  await page.waitForURL((u) => !u.search.includes('language='));
  assert.equal(await page.locator('ol.cards > li').count(), 3);

  // browse everything, 45 videos on 5 pages
  await page.goto(base + '/search?search=');
  // sensitive content is hidden by default: 44 of 45
  assert.match(await page.locator('#count').innerText(), /44 results/);
  const hrefs = () => page.locator('ol.cards h2 a').evaluateAll((as) => as.map((a) => a.href));
  const first = await hrefs();
  await page.getByRole('link', { name: /Next/ }).click();
  await page.waitForURL(/page=2/);
  const second = await hrefs();
  assert.equal(second.length, 10);
  assert.ok(second.every((t) => !first.includes(t)), 'page 2 repeats page 1');
  assert.equal(await page.locator('.pagination [aria-current="page"]').innerText(), '2');
  await page.close();
});

test('tabs list channels and playlists', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=jazz');
  await page.getByRole('link', { name: /Channels/ }).click();
  await page.waitForURL(/type=channels/);
  assert.match(await page.locator('ol.cards').innerText(), /Musique/);
  assert.match(await page.locator('ol.cards').innerText(), /Open on video\.example\.fr/);
  await page.getByRole('link', { name: /Playlists/ }).click();
  await page.waitForURL(/type=playlists/);
  assert.match(await page.locator('ol.cards').innerText(), /Best of jazz/);
  await page.close();
});

test('a result leads to its origin instance', async () => {
  const page = await newPage();
  let requested = null;
  await page.route('https://tube.example.org/**', (route) => {
    requested = route.request().url();
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>origin</title>' });
  });
  await page.goto(base + '/search?search=kubernetes');
  const link = page.getByRole('link', { name: /Watch on peertube\.example\.de:8443/ });
  assert.match(await link.getAttribute('href'), /^https:\/\/peertube\.example\.de:8443\/videos\/watch\//);
  await page.goto(base + '/search?search=' + encodeURIComponent('"red apple"'));
  const watch = page.getByRole('link', { name: /Watch on tube\.example\.org/ });
  const href = await watch.getAttribute('href');
  assert.equal(await watch.getAttribute('rel'), 'noreferrer');
  await watch.click();
  await page.waitForURL(href);
  assert.equal(requested, href);
  await page.close();
});

test('French from Accept-Language, English from the link, no cookie', async () => {
  const page = await newPage('fr-FR,fr;q=0.9,en;q=0.5');
  const response = await page.goto(base + '/search?search=chevaux');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.equal(await page.getByRole('button', { name: 'Chercher' }).count(), 1);
  assert.match(await page.locator('#count').innerText(), /résultats?/);
  assert.match(await page.locator('h1').innerText(), /Résultats pour/);
  assert.equal(response.headers()['set-cookie'], undefined);
  await page.locator('details.langs summary').click();
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // the choice is carried by links, not a cookie
  await page.getByRole('link', { name: 'Instances', exact: true }).first().click();
  await page.waitForURL(/\/instances\?lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(await ctx.cookies(), []);
  await page.close();
});

test('the page asks nothing of any other origin', async () => {
  const page = await newPage();
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  for (const path of ['/', '/search?search=jazz', '/search?search=&page=2', '/search?search=jazz&type=channels', '/instances', '/nope']) {
    await page.goto(base + path, { waitUntil: 'networkidle' });
  }
  assert.ok(seen.length > 6);
  const foreign = seen.filter((u) => new URL(u).origin !== origin);
  assert.deepEqual(foreign, []);
  const csp = (await page.goto(base + '/')).headers()['content-security-policy'];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /img-src 'self'/);
  await page.close();
});

test('a thumbnail that cannot be fetched shows the placeholder, not a broken image', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=jazz', { waitUntil: 'networkidle' });
  const img = page.locator('ol.cards img').first();
  await img.evaluate((i) => i.decode().catch(() => {}));
  const [w, src] = await img.evaluate((i) => [i.naturalWidth, i.currentSrc]);
  assert.match(src, /\/img\?src=/);
  assert.ok(w > 0, 'the failed thumbnail is a broken image');
  await page.close();
});

test('text follows the browser font size; the focused tab shows its whole ring', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=jazz');
  const sel = ['body', '.results-title', '.tabs a', '.tabs .count', '#count', '.card h2', '.meta', '.snippet', 'a.origin', 'button', 'footer.site'];
  const sizes = () => page.evaluate((sel) => sel.map((s) => { const e = document.querySelector(s); return e ? parseFloat(getComputedStyle(e).fontSize) : null; }), sel);
  const normal = await sizes();
  // a visitor's default of 32 px instead of 16 px (the root size is what
  // the browser setting changes)
  await page.evaluate(() => { document.documentElement.style.fontSize = '32px'; });
  const big = await sizes();
  assert.ok(normal.filter((n) => n).length >= 8, `${normal}`);
  sel.forEach((s, i) => normal[i] && assert.ok(Math.abs(big[i] / normal[i] - 2) < 0.01, `${s}: ${normal[i]} then ${big[i]}`));
  await page.close();

  const p2 = await newPage();
  await p2.goto(base + '/search?search=jazz');
  const tab = p2.locator('.tabs a').first();
  await tab.focus();
  await p2.keyboard.press('Tab');
  await p2.keyboard.press('Shift+Tab');
  const inside = await p2.evaluate(() => {
    const a = document.activeElement;
    const st = getComputedStyle(a);
    const ring = parseFloat(st.outlineWidth) + parseFloat(st.outlineOffset);
    const r = a.getBoundingClientRect();
    const box = a.closest('.tabs').getBoundingClientRect();
    return [a.closest('.tabs') !== null, st.outlineStyle, r.top - ring >= box.top - 0.5 && r.bottom + ring <= box.bottom + 0.5];
  });
  assert.deepEqual(inside, [true, 'solid', true]);
  await p2.close();
});

test('dead ends say what happened and where to go', async () => {
  const page = await newPage();
  // past the last page
  await page.goto(base + '/search?search=&page=9');
  assert.match(await page.locator('.empty').innerText(), /Page 9 is past the last page \(5\)/);
  await page.getByRole('link', { name: 'Go to the last page' }).click();
  await page.waitForURL(/page=5/);
  assert.ok(await page.locator('ol.cards > li').count() > 0);
  // nothing at all: said once
  await page.goto(base + '/search?search=zzzzqqq');
  assert.equal(await page.locator('#count').innerText(), 'No results');
  assert.equal(await page.getByText('No results').count(), 1);
  // only a sensitive video matches
  await page.goto(base + '/search?search=sensitive+documentary');
  assert.match(await page.locator('.empty').innerText(), /One sensitive result hidden/);
  await page.getByRole('link', { name: 'Show sensitive results' }).click();
  await page.waitForURL(/sensitive=show/);
  assert.equal(await page.locator('ol.cards > li').count(), 1);
  // browsing is labelled by its order
  await page.goto(base + '/search?search=');
  assert.equal(await page.locator('#f-sort option:checked').textContent(), 'Newest first');
  // the 404 offers a search
  await page.goto(base + '/nope');
  await page.getByRole('searchbox').fill('jazz');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?search=jazz/);
  await page.close();
});

test('the sort sits above the results and applies on change', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=jazz');
  const sort = page.locator('.results-head select#f-sort');
  assert.ok(await sort.isVisible(), 'the sort is not in sight');
  await sort.selectOption('views');
  await page.waitForURL(/sort=views/);
  assert.ok(!/=(&|$)/.test(page.url()), `empty parameters in ${page.url()}`);
  const shown = await page.locator('ol.cards h2').allInnerTexts();
  const api = await (await fetch(base + '/api/v1/search/videos?search=jazz&sort=-views&nsfw=false')).json();
  assert.deepEqual(shown, api.data.map((v) => v.name));
  await page.close();
});

test('a new search from the header keeps the filters and sort, and can clear them', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=jazz&sort=recent&language=fr');
  await page.getByRole('searchbox').fill('night');
  await page.keyboard.press('Enter');
  await page.waitForURL(/search=night/);
  const u = new URL(page.url());
  assert.equal(u.searchParams.get('language'), 'fr');
  assert.equal(u.searchParams.get('sort'), 'recent');
  assert.ok(!/=(&|$)/.test(u.search), `empty parameters in ${u.search}`);
  await page.getByRole('link', { name: 'Clear them' }).click();
  await page.waitForURL((x) => !x.search.includes('language='));
  assert.ok(!page.url().includes('sort='));
  assert.equal(await page.getByRole('link', { name: 'Clear them' }).count(), 0);
  await page.close();
});

test('keyboard: the first Tab reaches the skip link', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=jazz');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violation (${scheme})`, async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/', '/search?search=jazz', '/search?search=jazz&sensitive=show&language=fr', '/search?search=zzzzqqq', '/instances', '/nope', '/?lang=fr', '/search?search=jazz&lang=de', '/?lang=ja', '/search?search=jazz&lang=ru']) {
      await page.goto(base + path);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(summary, [], `${path}`);
    }
    await page.close();
  });
}

// Three filters that leave results in the fixture (2 French 4–10 minute
// animal videos), and the API's own answer for them.
const THREE = 'language=fr&duration=medium&category=16';
const THREE_API = 'languageOneOf=fr&durationMin=240&durationMax=600&categoryOneOf=16&nsfw=false';

async function apiTotal(query) {
  return (await (await fetch(`${base}/api/v1/search/videos?${query}`)).json()).total;
}

// The accessible names of the chips (not "clear all"), in order.
const chipNames = (page) => page.locator('.chips a.chip:not(.clear)').evaluateAll((as) => as.map((a) => a.textContent.replace('×', '').replace(/\s+/g, ' ').trim()));

async function shownTotal(page) {
  const text = await page.locator('#count').innerText();
  return text === 'No results' ? 0 : Number(text.replace(/\D/g, ''));
}

test('on a 360 px phone with three filters the results come first, chips above them', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${base}/search?search=&${THREE}`);
  const want = await apiTotal(THREE_API);
  assert.ok(want >= 1 && want < await apiTotal('nsfw=false'), `${want}: the filters must narrow`);
  assert.equal(await shownTotal(page), want);
  const first = await page.locator('ol.cards > li').first().boundingBox();
  assert.ok(first && first.y > 0 && first.y < 740, `the first result starts at ${first?.y}px, below the fold`);
  const panel = await page.locator('details.filters').boundingBox();
  assert.ok(panel.y > first.y, `the filter panel (${panel.y}px) is above the first result (${first.y}px)`);
  // the chips say what is in effect, above the results, in sight
  assert.deepEqual(await chipNames(page), ['Duration: Medium (4 to 10 min)', 'Category: Animals', 'Language: French'].map((t) => `Remove filter: ${t}`));
  const chip = page.getByRole('link', { name: 'Remove filter: Language: French' });
  const box = await chip.boundingBox();
  assert.ok(box.y + box.height < 740 && box.y < first.y);
  // the filter panel is one link away
  await page.getByRole('link', { name: 'Change filters' }).click();
  assert.ok(await page.locator('details.filters').evaluate((d) => d.open && d.getBoundingClientRect().top < 740));
  await page.close();
});

test('a chip removes only its filter; clear all removes them all; keyboard reaches them', async () => {
  for (const js of [true, false]) {
    const c = js ? ctx : await launch({ javaScriptEnabled: false });
    try {
      const page = await c.newPage();
      await page.setExtraHTTPHeaders({ 'Accept-Language': 'en-US' });
      await page.goto(`${base}/search?search=&sort=oldest&${THREE}`);
      assert.equal(await page.locator('.chips a.chip').count(), 4, 'three chips and clear all');
      // keyboard: Tab moves from one chip to the next, Enter follows it
      await page.getByRole('link', { name: 'Remove filter: Duration: Medium (4 to 10 min)' }).focus();
      await page.keyboard.press('Tab');
      assert.match(await page.evaluate(() => document.activeElement.textContent), /Remove filter: Category: Animals/);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => !u.searchParams.has('category'));
      const u = new URL(page.url());
      assert.equal(u.searchParams.get('language'), 'fr');
      assert.equal(u.searchParams.get('duration'), 'medium');
      assert.equal(u.searchParams.get('sort'), 'oldest', 'the sort stays');
      assert.equal(u.searchParams.get('search'), '');
      assert.equal(await shownTotal(page), await apiTotal('languageOneOf=fr&durationMin=240&durationMax=600&nsfw=false'));
      assert.deepEqual(await chipNames(page), ['Remove filter: Duration: Medium (4 to 10 min)', 'Remove filter: Language: French']);
      await page.getByRole('link', { name: 'Clear all filters' }).click();
      await page.waitForURL((x) => !x.searchParams.has('language'));
      const v = new URL(page.url());
      assert.ok(!v.searchParams.has('duration'));
      assert.equal(v.searchParams.get('sort'), 'oldest');
      assert.equal(await page.locator('.chips').count(), 0, 'no chips without filters');
      // one filter: its chip, no clear all
      await page.goto(`${base}/search?search=jazz&type=channels&host=video.example.fr`);
      assert.deepEqual(await chipNames(page), ['Remove filter: Instance: video.example.fr']);
      assert.equal(await page.locator('.chips a.chip.clear').count(), 0);
      await page.close();
    } finally {
      if (!js) await c.close();
    }
  }
});

test('chips on the desktop too, small and wrapping beside the filter panel', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/search?search=&${THREE}`);
  const chips = page.locator('.chips a.chip');
  assert.equal(await chips.count(), 4);
  assert.ok(await chips.first().isVisible());
  assert.equal(await page.getByRole('link', { name: 'Change filters' }).isVisible(), false, 'the panel is in sight on a desktop');
  const panel = await page.locator('details.filters').boundingBox();
  const first = await page.locator('ol.cards > li').first().boundingBox();
  assert.ok(panel.x + panel.width <= first.x, 'the panel sits beside the results');
  const h = await chips.first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(h < 16, `chip text is ${h}px`);
  await page.close();
});

// Bookmarks and shortcuts in Sepia Search's URL format open the same search
// (its parameter names and values, its /<locale>/search prefix), checked
// against the page's own parameters and against the API.
test('a Sepia Search link and /fr/search open the same search', async () => {
  const page = await newPage('en-US');
  await page.goto(base + '/fr/search?search=jazz&sort=-publishedAt&nsfw=both&languageOneOf=fr&page=1');
  const u = new URL(page.url());
  assert.equal(u.pathname, '/search');
  assert.equal(u.searchParams.get('lang'), 'fr');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.equal(await page.locator('.results-head select#f-sort').inputValue(), 'recent');
  assert.ok(await page.locator('.chips a.chip').count() >= 2, 'language and sensitive content shown as chips');
  const sepia = await page.locator('ol.cards h2').allInnerTexts();
  const api = await (await fetch(base + '/api/v1/search/videos?search=jazz&sort=-publishedAt&nsfw=both&languageOneOf=fr&count=10')).json();
  assert.ok(api.total >= 1, `the fixture has French jazz videos (${api.total})`);
  assert.deepEqual(sepia, api.data.map((v) => v.name));
  await page.goto(base + '/search?search=jazz&sort=recent&sensitive=show&language=fr&lang=fr');
  assert.deepEqual(await page.locator('ol.cards h2').allInnerTexts(), sepia, 'same results as our own link');
  // durationRange and -views, on /search itself, in the visitor's language
  await page.goto(base + '/search?search=&durationRange=short&sort=-views');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('.results-head select#f-sort').inputValue(), 'views');
  const short = await page.locator('ol.cards h2').allInnerTexts();
  await page.goto(base + '/search?search=&duration=short&sort=views');
  assert.ok(short.length >= 1);
  assert.deepEqual(await page.locator('ol.cards h2').allInnerTexts(), short);
  await page.close();
});

test('a pasted watch URL finds its video, a pasted channel URL its channel', async () => {
  const page = await newPage();
  const video = (await (await fetch(`${base}/api/v1/search/videos?search=${encodeURIComponent('Marie Curie')}`)).json()).data[0];
  assert.equal(video.name, 'Marie Curie, a life');
  await page.goto(base + '/');
  await page.getByRole('searchbox').fill(`https://${video.account.host}/w/${video.shortUUID}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?search=https/);
  assert.deepEqual(await page.locator('ol.cards h2').allInnerTexts(), [video.name]);
  // the channel link, on the channels tab (the header search keeps the tab)
  const channel = (await (await fetch(`${base}/api/v1/search/video-channels?search=histoire`)).json()).data[0];
  await page.goto(`${base}/search?search=x&type=channels`);
  await page.getByRole('searchbox').fill(`https://${channel.host}/c/${channel.name}/videos`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/search=https/);
  assert.equal(new URL(page.url()).searchParams.get('type'), 'channels');
  assert.deepEqual(await page.locator('ol.cards h2').allInnerTexts(), [channel.displayName]);
  // another host's link of the same name finds nothing, not junk
  await page.goto(`${base}/search?type=channels&search=${encodeURIComponent(`https://tube.example.org/c/${channel.name}`)}`);
  assert.equal(await page.locator('#count').innerText(), 'No results');
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violation on results with chips (${scheme})`, async () => {
    for (const width of [1280, 360]) {
      const page = await newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 800 });
      for (const path of [`/search?search=&${THREE}`, `/search?search=&${THREE}&lang=fr`, '/search?search=jazz&type=playlists&host=video.example.fr']) {
        await page.goto(base + path);
        assert.ok(await page.locator('.chips a.chip').count() >= 1, path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(summary, [], `${path} at ${width}px`);
      }
      await page.close();
    }
  });
}

test('readable on a 360 px phone: nothing wider than the screen, on every page', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(base + '/search?search=jazz');
  const report = await page.locator('ol.cards a.report').first().getAttribute('href');
  const paths = [
    '/', '/?lang=fr', '/search?search=', '/search?search=jazz', '/search?search=jazz&type=channels',
    '/search?search=jazz&type=playlists', '/search?search=&type=events', '/search?search=&type=groups',
    `/search?search=&${THREE}`, `/search?search=&${THREE}&lang=fr`, '/search?search=&type=events&place=Lyon&when=week&attend=online&status=cancelled',
    '/search?search=&type=groups&place=Lyon&radius=250', '/search?search=zzzzqqq', '/search?search=&page=9',
    '/search?search=' + encodeURIComponent('https://tube.example.org/videos/watch/playlist/' + 'x'.repeat(80)),
    '/instances', '/instances?lang=fr', '/moderation', '/policy', report, '/report', '/nope',
    // the longest translations and other scripts
    '/search?search=jazz&lang=de', '/search?search=jazz&lang=ru', '/instances?lang=de', '/?lang=pt', '/?lang=nl',
    '/search?search=jazz&lang=pl', `/search?search=&${THREE}&lang=de`,
  ];
  for (const path of paths) {
    for (const open of [false, true]) {
      await page.goto(base + path);
      if (!open) {
        // the header holds brand, links and language menu on one line
        const bar = await page.locator('header.site .bar').boundingBox();
        assert.ok(bar.height < 80, `${path}: the header bar wraps (${bar.height}px)`);
      }
      // open: every disclosure open at once (filters, language menu)
      if (open) await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${path} is ${width}px wide${open ? ' with its disclosures open' : ''}`);
      if (open) {
        const menu = await page.locator('details.langs ul').boundingBox();
        assert.ok(menu.x >= 0 && menu.x + menu.width <= 360, `${path}: the menu runs off the screen (${menu.x}+${menu.width})`);
      }
      // Nothing scrolls sideways inside the page either (the instances table
      // reflows into one card per instance instead of hiding columns).
      const hidden = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
          .map((e) => e.className || e.tagName));
      assert.deepEqual(hidden, [], `${path} scrolls sideways inside: ${hidden}`);
    }
  }
  await page.close();
});

const LANGUAGES = [
  ['de', 'Deutsch'], ['en', 'English'], ['es', 'Español'], ['fr', 'Français'], ['it', 'Italiano'],
  ['nl', 'Nederlands'], ['pl', 'Polski'], ['pt', 'Português'], ['sv', 'Svenska'], ['ru', 'Русский'],
  ['ja', '日本語'], ['zh-Hans', '简体中文'],
];

test('the language menu lists every language under its own name and works without script', async (t) => {
  const noJs = await launch({ javaScriptEnabled: false });
  t.after(() => noJs.close());
  const page = await noJs.newPage();
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'en-US' });
  await page.goto(base + '/search?search=jazz&language=fr&sort=recent');
  const links = page.locator('details.langs li a');
  assert.equal(await links.count(), 12);
  const listed = [];
  for (const a of await links.all()) listed.push([await a.getAttribute('lang'), await a.textContent()]);
  assert.deepEqual(listed, LANGUAGES);
  for (const a of await links.all()) assert.equal(await a.getAttribute('hreflang'), await a.getAttribute('lang'));
  assert.deepEqual(await page.locator('details.langs [aria-current]').allTextContents(), ['English']);
  // closed until opened: a plain <details>, no script
  assert.equal(await links.first().isVisible(), false);
  await page.locator('details.langs summary').click();
  await page.getByRole('link', { name: 'Deutsch' }).click();
  await page.waitForURL(/lang=de/);
  const u = new URL(page.url());
  assert.equal(u.searchParams.get('search'), 'jazz');
  assert.equal(u.searchParams.get('language'), 'fr');
  assert.equal(u.searchParams.get('sort'), 'recent');
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  assert.match(await page.locator('h1').innerText(), /Ergebnisse für „jazz“/);
  assert.equal(await page.getByRole('button', { name: 'Suchen' }).count(), 1);
  assert.deepEqual(await page.locator('details.langs [aria-current]').allTextContents(), ['Deutsch']);
  assert.match(await page.locator('details.langs summary').innerText(), /Deutsch/);
  // the choice travels: tabs, a new search from the header, the footer links
  await page.getByRole('link', { name: 'Kanäle' }).click();
  await page.waitForURL(/type=channels/);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'de');
  await page.locator('header form input[name=search]').fill('chevaux');
  await page.locator('header form button[type=submit]').click();
  await page.waitForURL(/search=chevaux/);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'de');
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  // and back to Japanese from the menu, query kept
  await page.locator('details.langs summary').click();
  await page.getByRole('link', { name: '日本語' }).click();
  await page.waitForURL(/lang=ja/);
  assert.equal(new URL(page.url()).searchParams.get('search'), 'chevaux');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.match(await page.locator('h1').innerText(), /「chevaux」の検索結果/);
});

test('the language menu works from the keyboard', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=jazz');
  await page.locator('details.langs summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.langs').getAttribute('open'), '');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Deutsch');
  // Escape closes it and gives the focus back to its button (script)
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('details.langs').getAttribute('open'), null);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  // Enter on an entry follows it
  await page.keyboard.press('Enter');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Français');
  await page.keyboard.press('Enter');
  await page.waitForURL(/lang=fr/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.close();
});

test('Accept-Language: the best supported language by q-value, regional tags fall back', async () => {
  for (const [header, lang, button] of [
    ['pt-BR', 'pt', 'Pesquisar'],
    ['zh-CN,zh;q=0.9', 'zh-Hans', '搜索'],
    ['ko-KR, de-AT;q=0.8, en;q=0.5', 'de', 'Suchen'],
    ['en;q=0.3, ru;q=0.7', 'ru', 'Найти'],
    ['fr-CA', 'fr', 'Chercher'],
    ['tlh, eo;q=0.5', 'en', 'Search'],
  ]) {
    const page = await newPage(header);
    await page.goto(base + '/search?search=jazz');
    assert.equal(await page.locator('html').getAttribute('lang'), lang, header);
    assert.equal(await page.getByRole('button', { name: button, exact: true }).count(), 1, header);
    await page.close();
  }
});

// Issue 14: the description snippet marks every form of the query's words
// the search matched, not only the word as typed: « sécurité » finds
// "sécurités" (its French stem) and marks it, on a desktop and on a phone.
for (const width of [1280, 360]) {
  test(`a stem match is marked in the snippet (${width} px)`, async () => {
    const page = await newPage('fr-FR');
    await page.setViewportSize({ width, height: 900 });
    await page.goto(base + '/search?search=' + encodeURIComponent('sécurité'));
    const card = page.locator('ol.cards > li', { hasText: 'Les sécurités oubliées' });
    assert.equal(await card.count(), 1);
    const snippet = card.locator('.snippet');
    assert.ok(await snippet.isVisible(), 'the snippet is shown');
    const marks = await snippet.locator('mark').allInnerTexts();
    assert.deepEqual(marks, ['sécurités'], `marks: ${marks}`);
    const box = await snippet.locator('mark').first().boundingBox();
    assert.ok(box && box.width > 0 && box.x + box.width <= width, `mark on screen: ${JSON.stringify(box)}`);
    // the word as typed is marked too, in the other result
    const exact = page.locator('ol.cards > li', { hasText: 'Sauvegarder ses photos' }).locator('.snippet mark');
    assert.deepEqual(await exact.allInnerTexts(), ['sécurité']);
    await page.close();
  });
}
