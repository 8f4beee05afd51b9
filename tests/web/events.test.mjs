// Browser tests of the Events and Groups tabs against a real sepiola
// (BASE_URL) serving Mobilizon documents written by tests/e2e/web_events.rs
// (FIXTURE). The truth is computed here from that file and the committed
// gazetteer (TSV): our own haversine, our own time zones through Intl.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { launch } from './browser.mjs';

const base = process.env.BASE_URL;
const origin = new URL(base).origin;
const docs = readFileSync(process.env.FIXTURE, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const events = docs.filter((d) => d.kind === 'event');
const groups = docs.filter((d) => d.kind === 'group');
const cities = new Map(readFileSync(process.env.TSV, 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .map((c) => [c[0], { name: c[1], lat: +c[5], lon: +c[6], zone: c[8] }]));
const LYON = cities.get('2996944');
const LONDON_CA = cities.get('6058560');
let ctx;

before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

async function newPage(locale = 'en-US') {
  const page = await ctx.newPage();
  await page.setExtraHTTPHeaders({ 'Accept-Language': locale });
  return page;
}

function km(lat1, lon1, lat2, lon2) {
  const r = (d) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
const near = (d, p, radius) => {
  const pt = d.location?.location;
  return pt ? km(p.lat, p.lon, pt.lat, pt.lon) <= radius : false;
};
// YYYY-MM-DD of an instant in a time zone.
const dayIn = (zone, t) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
const addDays = (day, n) => { const d = new Date(day + 'T12:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
const weekday = (day) => new Date(day + 'T12:00:00Z').getUTCDay(); // 0 = Sunday

async function total(page) {
  const t = await page.locator('#count').innerText();
  if (/No results|Aucun résultat/.test(t)) return 0;
  const m = t.replace(/[\s\u202f,]/g, '').match(/(\d+)/);
  return m ? Number(m[1]) : /^(one|un)/.test(t) ? 1 : NaN;
}
const hrefs = (page) => page.locator('ol.cards h2 a').evaluateAll((as) => as.map((a) => a.href));

test('a place typed by name is found by the gazetteer; radius narrows it', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=&type=events');
  const box = page.getByLabel('Place');
  await box.fill('lyon');
  await box.press('Enter');
  await page.waitForURL(/place=lyon/);
  assert.match(await page.locator('.place-note').innerText(), /Near Lyon, France, within 50 km/);
  assert.equal(await page.locator('h1').innerText(), 'Events near Lyon, France');
  const within50 = events.filter((e) => near(e, LYON, 50));
  assert.ok(within50.length >= 20 && within50.length < events.length, `${within50.length}`);
  assert.equal(await total(page), within50.length);
  // Upcoming first: the first card is the soonest event starting now or later.
  const now = Date.now();
  const soonest = within50.filter((e) => Date.parse(e.startTime) >= now)
    .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime))[0];
  assert.equal((await hrefs(page))[0], soonest.url);
  assert.doesNotMatch(await page.locator('ol.cards').innerText(), /Grenoble|Geneva/);
  // 250 km adds Grenoble (95 km) and Geneva (110 km); Zürich stays out.
  await page.getByLabel('Distance').selectOption('250');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/radius=250/);
  const within250 = events.filter((e) => near(e, LYON, 250));
  assert.ok(within250.length > within50.length);
  assert.equal(await total(page), within250.length);
  assert.ok(within250.every((e) => !/Zürich/.test(e.name)));
  await page.close();
});

test('without JavaScript the plain form finds the place and the filters apply', async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  try {
    const page = await noJs.newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en-US' });
    await page.goto(base + '/search?search=&type=events');
    assert.equal(await page.getByRole('button', { name: 'Use my position' }).isVisible(), false);
    await page.getByLabel('Place').fill('Grenoble');
    await page.getByLabel('Date').selectOption('week');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/place=Grenoble/);
    const g = cities.get('3014728');
    const today = dayIn(g.zone, new Date());
    const wd = weekday(today);
    const end = wd === 0 ? today : addDays(today, 7 - wd);
    const want = events.filter((e) => near(e, g, 50) && dayIn(g.zone, new Date(e.startTime)) >= today && dayIn(g.zone, new Date(e.startTime)) <= end);
    assert.equal(await total(page), want.length);
    assert.match(await page.locator('.place-note').innerText(), /Near Grenoble, France/);
    await page.close();
  } finally {
    await noJs.close();
  }
});

test('an ambiguous name says what was picked and offers the others', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=&type=events&place=London');
  assert.match(await page.locator('.place-note').innerText(), /Near London, United Kingdom/);
  const ukTruth = events.filter((e) => near(e, cities.get('2643743'), 50));
  assert.equal(await total(page), ukTruth.length);
  await page.locator('.place-note a', { hasText: 'Canada' }).first().click();
  await page.waitForURL(/at=6058560/);
  assert.match(await page.locator('.place-note').innerText(), /Near London, Canada/);
  assert.equal(await total(page), events.filter((e) => near(e, LONDON_CA, 50)).length);
  // The qualified name works without the link too.
  await page.goto(base + '/search?search=&type=events&place=' + encodeURIComponent('London, Canada'));
  assert.match(await page.locator('.place-note').innerText(), /Near London, Canada/);
  // An unknown name is said so.
  await page.goto(base + '/search?search=&type=events&place=Qxqzville');
  assert.match(await page.locator('.place-note').innerText(), /No place called “Qxqzville” is known/);
  assert.equal(await total(page), events.length);
  await page.close();
});

test('date filters are counted in the place\'s time zone', async () => {
  const page = await newPage();
  const zone = LYON.zone;
  const today = dayIn(zone, new Date());
  const lyon = events.filter((e) => near(e, LYON, 50));
  const startDay = (e) => dayIn(zone, new Date(e.startTime));
  const check = async (when, extra, keep) => {
    await page.goto(`${base}/search?search=&type=events&place=Lyon&when=${when}${extra}`);
    const want = lyon.filter((e) => keep(startDay(e)));
    assert.equal(await total(page), want.length, `${when}${extra}`);
    assert.match(await page.locator('.place-note').innerText(), /Dates are counted in Europe\/Paris time/);
    const shown = await hrefs(page);
    assert.ok(shown.every((h) => want.some((e) => e.url === h)), `${when}: ${shown}`);
    return want.length;
  };
  const nToday = await check('today', '', (d) => d === today);
  const wd = weekday(today);
  const sat = wd === 6 || wd === 0 ? today : addDays(today, 6 - wd);
  const sun = wd === 0 ? today : addDays(sat, 1);
  const nWeekend = await check('weekend', '', (d) => d >= sat && d <= sun);
  const endOfWeek = wd === 0 ? today : addDays(today, 7 - wd);
  await check('week', '', (d) => d >= today && d <= endOfWeek);
  const from = addDays(today, 3);
  const to = addDays(today, 5);
  const nRange = await check('range', `&from=${from}&to=${to}`, (d) => d >= from && d <= to);
  assert.ok(nWeekend > 0 && nRange > 0, `weekend ${nWeekend}, range ${nRange}, today ${nToday}`);
  // Without a place, the page says the dates are UTC ones.
  await page.goto(`${base}/search?search=&type=events&when=today`);
  assert.match(await page.locator('.place-note').innerText(), /dates are counted in UTC/);
  const utcToday = dayIn('UTC', new Date());
  assert.equal(await total(page), events.filter((e) => dayIn('UTC', new Date(e.startTime)) === utcToday).length);
  await page.close();
});

test('category and status filters, and cards in the event\'s own time', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=&type=events&place=Lyon');
  await page.getByLabel('Category').selectOption({ label: 'Music' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/eventCategory=MUSIC/);
  const music = events.filter((e) => near(e, LYON, 50) && e.category === 'MUSIC');
  assert.ok(music.length > 0);
  assert.equal(await total(page), music.length);
  assert.ok((await hrefs(page)).every((h) => music.some((e) => e.url === h)));
  await page.getByLabel('Category').selectOption('');
  await page.getByLabel('Status').selectOption('cancelled');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((u) => u.search.includes('status=cancelled') && !u.search.includes('eventCategory'));
  const want = events.filter((e) => near(e, LYON, 50) && e.status === 'CANCELLED');
  assert.ok(want.length > 0);
  assert.equal(await total(page), want.length);
  const card = page.locator('ol.cards > li').first();
  const href = (await hrefs(page))[0];
  const e = want.find((x) => x.url === href);
  assert.ok(e, `${href} is not a cancelled event near Lyon`);
  const txt = await card.innerText();
  assert.match(txt, /Cancelled/);
  assert.match(txt, new RegExp(`By ${e.creator.displayName}`));
  assert.match(txt, new RegExp(`Open on 127\\.0\\.0\\.1:\\d+`));
  // The start in Europe/Paris, with its offset, computed by Intl.
  const start = new Date(e.startTime);
  const hm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
  const off = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).formatToParts(start)
    .find((p) => p.type === 'timeZoneName').value.replace('GMT', 'UTC');
  assert.ok(txt.includes(`, ${hm}`), `${hm} not in ${txt}`);
  assert.ok(txt.includes(`(${off})`), `${off} not in ${txt}`);
  // The banner comes through the image proxy and is a real image.
  const img = card.locator('img');
  assert.match(await img.getAttribute('src'), /^\/img\?src=http%3A%2F%2F127/);
  await img.evaluate((i) => i.decode().catch(() => {}));
  // fedsim's 64 × 36 JPEGs, not the placeholder.
  assert.equal(await img.evaluate((i) => i.naturalWidth), 64);
  await page.close();
});

test('online or in person; an event\'s own time zone wins', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=&type=events');
  await page.getByLabel('Online or in person').selectOption('online');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/attend=online/);
  const online = events.filter((e) => e.isOnline);
  assert.ok(online.length > 0);
  assert.equal(await total(page), online.length);
  // Each online card is in its event's own zone (Tokyo or Toronto), by Intl.
  const cards = await page.locator('ol.cards > li').evaluateAll((lis) => lis.map((li) => [li.querySelector('h2 a').href, li.innerText]));
  for (const [href, txt] of cards) {
    const e = online.find((x) => x.url === href);
    assert.ok(e, href);
    assert.match(txt, /Online/);
    const off = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(e.startTime))
      .find((p) => p.type === 'timeZoneName').value.replace('GMT', 'UTC');
    assert.ok(txt.includes(`(${off})`), `${e.timeZone} ${off} not in ${txt}`);
  }
  await page.goto(base + '/search?search=&type=events&place=Lyon&attend=inperson');
  assert.equal(await total(page), events.filter((e) => !e.isOnline && near(e, LYON, 50)).length);
  await page.close();
});

test('groups: place, radius and member count', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=&type=groups&place=Lyon&radius=10');
  const want = groups.filter((g) => near(g, LYON, 10));
  assert.equal(await total(page), want.length);
  assert.equal(want.length, 2, 'Lyon and Villeurbanne');
  const text = await page.locator('ol.cards').innerText();
  for (const g of want) {
    assert.match(text, new RegExp(g.displayName));
    assert.match(text, new RegExp(`${g.memberCount} members`));
  }
  assert.equal(await page.locator('#f-sort option:checked').textContent(), 'Biggest first');
  await page.close();
});

test('suggestions come from this server as you type', async () => {
  const page = await newPage();
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  await page.goto(base + '/search?search=&type=events');
  await page.getByLabel('Place').pressSequentially('Zur', { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('#place-suggestions option').length > 0);
  const options = await page.locator('#place-suggestions option').evaluateAll((os) => os.map((o) => o.value));
  assert.equal(options[0], 'Zürich, Switzerland');
  assert.ok(seen.some((u) => u.startsWith(origin + '/api/v1/places?')), `${seen}`);
  assert.deepEqual(seen.filter((u) => new URL(u).origin !== origin), []);
  // Picking the suggestion and submitting searches there.
  await page.getByLabel('Place').fill(options[0]);
  await page.getByLabel('Place').press('Enter');
  await page.waitForURL(/place=Z/);
  assert.match(await page.locator('.place-note').innerText(), /Near Zürich, Switzerland/);
  assert.equal(await total(page), events.filter((e) => near(e, cities.get('2657896'), 50)).length);
  await page.close();
});

test('"use my position" asks the browser only when clicked', async () => {
  const page = await newPage();
  await ctx.grantPermissions(['geolocation'], { origin });
  await ctx.setGeolocation({ latitude: 46.2044, longitude: 6.1432 }); // Geneva
  await page.addInitScript(() => {
    window.__asked = 0;
    const real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...a) => { window.__asked += 1; return real(...a); };
  });
  await page.goto(base + '/search?search=&type=events');
  assert.equal(await page.evaluate(() => window.__asked), 0, 'asked before the click');
  await page.getByRole('button', { name: 'Use my position' }).click();
  await page.waitForURL(/lat=46\.20440&lon=6\.14320/);
  assert.match(await page.locator('.place-note').innerText(), /Near your position \(Geneva, Switzerland\), within 50 km/);
  assert.equal(await total(page), events.filter((e) => near(e, { lat: 46.2044, lon: 6.1432 }, 50)).length);
  await ctx.clearPermissions();
  await page.close();
});

test('the French page', async () => {
  const page = await newPage('fr-FR,fr;q=0.9');
  await page.goto(base + '/search?search=&type=events&place=Lyon&eventCategory=MUSIC');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.match(await page.locator('.tabs').innerText(), /Événements/);
  assert.match(await page.locator('.tabs').innerText(), /Groupes/);
  assert.match(await page.locator('.place-note').innerText(), /Près de Lyon, France, à 50 km au plus/);
  assert.equal(await page.locator('#f-eventCategory option:checked').textContent(), 'Musique');
  const text = await page.locator('ol.cards').innerText();
  assert.match(text, /Ouvrir sur 127\.0\.0\.1/);
  assert.match(text, / à \d\d:\d\d( – [^()]*)? \(UTC\+0\d:00\)/);
  assert.match(text, /(lun|mar|mer|jeu|ven|sam|dim)\./);
  assert.match(text, /Musique/);
  assert.equal(await total(page), events.filter((e) => near(e, LYON, 50) && e.category === 'MUSIC').length);
  await page.goto(base + '/search?search=&type=groups&place=Lyon');
  assert.match(await page.locator('ol.cards').innerText(), /\d+ membres/);
  await page.close();
});

test('keyboard only: reach the place box, search, reach a result', async () => {
  const page = await newPage();
  await page.goto(base + '/search?search=&type=events');
  const focusId = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
  let steps = 0;
  while ((await focusId()) !== 'f-place' && steps++ < 40) await page.keyboard.press('Tab');
  assert.equal(await focusId(), 'f-place');
  await page.keyboard.type('Grenoble');
  await page.keyboard.press('Tab'); // "use my position", then the distance
  assert.equal(await focusId(), 'locate');
  await page.keyboard.press('Tab');
  assert.equal(await focusId(), 'f-radius');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/place=Grenoble/);
  assert.match(await page.locator('.place-note').innerText(), /Near Grenoble, France/);
  steps = 0;
  while ((await focusId()) !== 'origin' && steps++ < 80) await page.keyboard.press('Tab');
  assert.equal(await focusId(), 'origin', 'no "Open on" link reached by Tab');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(ring, 'solid');
  await page.close();
});

test('the pages ask nothing of any other origin', async () => {
  const page = await newPage();
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  for (const path of ['/search?search=&type=events', '/search?search=&type=events&place=Lyon', '/search?search=&type=groups&place=Paris']) {
    await page.goto(base + path, { waitUntil: 'networkidle' });
  }
  assert.ok(seen.some((u) => u.includes('/img?src=')), 'no banner was requested');
  assert.deepEqual(seen.filter((u) => new URL(u).origin !== origin), []);
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violation on events and groups (${scheme})`, async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/search?search=&type=events', '/search?search=&type=events&place=London&when=weekend',
      '/search?search=&type=events&place=Lyon&status=cancelled', '/search?search=&type=events&place=Qxqz',
      '/search?search=&type=groups&place=Lyon', '/search?search=&type=events&place=Lyon&lang=fr']) {
      await page.goto(base + path);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(summary, [], `${path}`);
    }
    await page.close();
  });
}

test('readable on a 360 px phone', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 360, height: 780 });
  for (const path of ['/search?search=&type=events&place=London', '/search?search=&type=groups&place=Lyon', '/search?search=&type=events&place=Lyon&lang=fr']) {
    await page.goto(base + path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${path} is ${width}px wide`);
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        .map((e) => e.className || e.tagName));
    assert.deepEqual(hidden, [], `${path} scrolls sideways inside: ${hidden}`);
  }
  await page.close();
});

test('on a 360 px phone the events come first, their filters as chips that each remove one', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(base + '/search?search=&type=events&place=Lyon&radius=250&eventCategory=MUSIC');
  const want = events.filter((e) => near(e, LYON, 250) && e.category === 'MUSIC');
  assert.ok(want.length >= 2 && want.length < events.filter((e) => e.category === 'MUSIC').length, `${want.length}`);
  assert.equal(await total(page), want.length);
  const first = await page.locator('ol.cards > li').first().boundingBox();
  assert.ok(first.y < 740, `the first event starts at ${first.y}px, below the fold`);
  const names = () => page.locator('.chips a.chip:not(.clear)').evaluateAll((as) => as.map((a) => a.textContent.replace('×', '').replace(/\s+/g, ' ').trim()));
  assert.deepEqual(await names(), ['Remove filter: Place: Lyon, France', 'Remove filter: Distance: 250 km', 'Remove filter: Category: Music']);
  // the place leaves with its picked id: every music event, anywhere
  await page.getByRole('link', { name: 'Remove filter: Place: Lyon, France' }).click();
  await page.waitForURL((u) => !u.searchParams.has('place'));
  const u = new URL(page.url());
  assert.equal(u.searchParams.get('eventCategory'), 'MUSIC');
  assert.equal(u.searchParams.get('type'), 'events');
  assert.equal(await total(page), events.filter((e) => e.category === 'MUSIC').length);
  await page.close();
});
