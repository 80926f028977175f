/**
 * Issue 18: the views an analyst works in all day, in Debian's headless Chromium on a store of 500 generated
 * articles (test/helpers/generated-store.ts: 667 events over 2019–2024, a few dated 1500 or 2031, a few undated,
 * 14 places) plus the demo corpus (examples/articles) through the real pipeline. Each step checks one defect or
 * feature the issue listed, runs axe-core (0 serious or critical violations), and saves a screenshot to
 * test-output/web/scale-*.png; the time to first render of each view is printed, not asserted.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApi, listen, type RunningServer } from '../../src/api/index.js';
import { hashToken } from '../../src/app/access-tokens.js';
import { ingest } from '../../src/app/ingest.js';
import { loadDefaultResources } from '../../src/app/resources.js';
import { defaultStages } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/store.js';
import { seedGeneratedStore } from '../helpers/generated-store.js';
import { seriousViolations } from './axe.js';
import { ROOT, WEB_ROOT, ensureWebBuilt } from './web-build.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-output', 'web');
const ARTICLES = 500;
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (apt-get install -y chromium)`;
if (skip) process.stdout.write(`views-scale e2e skipped: ${skip}\n`);

describe(`web ui › the analyst's views on ${ARTICLES} generated articles`, { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const firstRenderMs: Record<string, number> = {};

  before(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-scale-'));
    store = openSqliteStore(join(dir, 'scale.db'));
    await store.migrate();
    await seedGeneratedStore(store, ARTICLES);
    const demo = await ingest([join(ROOT, 'examples', 'articles')], { store, stages: defaultStages(), resources: await loadDefaultResources() });
    assert.equal(demo.failures.length, 0, JSON.stringify(demo.failures));
    server = await listen(createApi({ store, webRoot: WEB_ROOT, logError: (e) => problems.push(`server: ${String(e)}`) }), '127.0.0.1', 0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    process.stdout.write(`time to first render (ms; the first view includes loading the app): ${JSON.stringify(firstRenderMs)}\n`);
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Time to first render as the page measured it (performance marks in main.ts), not Playwright's round trips:
  // from navigation start when the hash loads the app, else from the start of the view's render.
  const go = async (hash: string, name?: string) => {
    await page.goto(`${server.url}/${hash}`);
    await page.waitForSelector('body[data-state="ready"]');
    if (!name) return;
    firstRenderMs[name] = await page.evaluate(() => {
      const ready = performance.getEntriesByName('view-ready').at(-1)!.startTime;
      const starts = performance.getEntriesByName('view-start');
      return Math.round(starts.length === 1 ? ready : ready - starts.at(-1)!.startTime);
    });
  };
  const shot = async (name: string) => page.screenshot({ path: join(SHOTS, `scale-${name}.png`), fullPage: false });
  const accessible = async (what: string) => assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
  const domSize = async () => page.evaluate(() => document.getElementsByTagName('*').length);
  const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json() as Promise<T>;

  test('timeline: under 3,000 DOM nodes, an axis over the dense years, outliers and undated events apart, no blank headings', async () => {
    await go('#/timeline', 'timeline');
    assert.ok(await domSize() < 3000, `${await domSize()} DOM nodes`);
    const years = await page.locator('svg.density a').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
    assert.ok(years.length >= 5 && years.every((y) => /^20(19|2[0-4]):/.test(y)), `the axis runs over the dense years only: ${years.join(' | ')}`);
    assert.equal(await page.locator('main .note', { hasText: /first \d+ articles/ }).count(), 0, 'no "first N articles" banner when all were read');
    const headings = await page.locator('.bucket h2').allTextContents();
    assert.ok(headings.length >= 1 && headings.every((h) => /^[A-Z][a-z]{2} \d{4} · \d+ items?$/.test(h)), headings.join(' | '));
    await accessible('the timeline');
    await shot('timeline');
    await page.locator('.timeline-groups a', { hasText: 'dated outside' }).click();
    await page.waitForSelector('body[data-state="ready"]');
    const outliers = await page.locator('li.tl-item .tl-date').allTextContents();
    // The generated 1500 and 2031 dates, and any demo-corpus date outside the dense years the axis runs over.
    const year = (d: string) => Number(/\b(\d{4})\b/.exec(d)?.[1]);
    assert.ok(outliers.some((d) => /1500|2031/.test(d)) && outliers.every((d) => year(d) < 2019 || year(d) > 2024), outliers.join(', '));
    await go('#/timeline?at=undated');
    assert.ok(await page.locator('.bucket h2', { hasText: 'Undated events' }).count() === 1);
    assert.ok(await page.locator('li.tl-event').count() >= 1);
  });

  test('timeline: zoom by month and day within the range, a page of at most 100 items, period by period', async () => {
    await go('#/timeline?zoom=month&at=2022-03');
    assert.equal(await page.locator('svg.density a.current').getAttribute('aria-label').then((l) => l?.split(':')[0]), 'Mar 2022');
    const dates = await page.locator('li.tl-item .tl-date').allTextContents();
    assert.ok(dates.length >= 1 && dates.every((d) => d.endsWith('Mar 2022')), dates.join(', '));
    await page.locator('.period-nav a[rel="next"]').click();
    await page.waitForFunction(() => location.hash.includes('at=2022-04'));
    await page.waitForSelector('body[data-state="ready"]');
    await go('#/timeline?zoom=day&at=2022-03-01');
    assert.ok((await page.locator('svg.density a, svg.density rect.density-empty').count()) === 31, 'the days of March');
    await go('#/timeline?zoom=year&at=2023');
    assert.ok(await page.locator('li.tl-item').count() <= 100);
    if (await page.locator('nav[aria-label="pages of this period"] a[rel="next"]').count()) {
      await page.locator('nav[aria-label="pages of this period"] a[rel="next"]').click();
      await page.waitForFunction(() => location.hash.includes('page=2'));
      await page.waitForSelector('body[data-state="ready"]');
      assert.ok(await page.locator('li.tl-item').count() >= 1);
    }
    const summaries = await page.locator('li.tl-event .tl-text a').allTextContents();
    assert.ok(summaries.every((s) => /^[A-Z]/.test(s)), 'summaries keep their first letter (some bodies start with emoji)');
  });

  test('map: every located event placed in clusters the server counts, clusters with counts that split on zoom, a click lists their events a page at a time, labels that do not collide, one colour per type', async () => {
    const located = (await api<{ eventsLocated: number }>('/api/map')).eventsLocated;
    assert.ok(located > 600, `${located} located events`);
    await go('#/map', 'map');
    const settled = () => page.waitForFunction(() => { const m = document.querySelector('svg.world'); return m && !m.hasAttribute('data-loading'); });
    const counted = async () => (await page.locator('svg.world g.mark.event').evaluateAll((marks) => marks.map((m) => Number(m.getAttribute('data-count'))))).reduce((a, b) => a + b, 0);
    await page.locator('#map-world').click();
    await page.waitForFunction(() => document.querySelector('svg.world')?.getAttribute('data-zoom') === '1.00');
    await settled();
    assert.equal(await page.locator('svg.world').getAttribute('data-mode'), 'clusters', 'the whole world comes as counted cells, not events');
    assert.equal(await counted(), located, 'every located event is in a mark of the whole world');
    const clusters = page.locator('svg.world g.mark.event.cluster');
    assert.ok(await clusters.count() >= 2, 'nearby events cluster');
    const shownCounts = await clusters.evaluateAll((marks) => marks.map((m) => [m.getAttribute('data-count'), m.querySelector('text.cluster-count')?.textContent]));
    assert.ok(shownCounts.every(([n, text]) => n === text), `each cluster shows its count: ${JSON.stringify(shownCounts)}`);
    const colours = await page.locator('.map-legend .dot.diamond').evaluateAll((dots) => dots.map((d) => (d as HTMLElement).style.background));
    assert.ok(colours.length >= 10 && new Set(colours).size === colours.length, `legend colours repeat: ${colours.join(' ')}`);
    const overlaps = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('svg.world text.place-label')].map((t) => t.getBoundingClientRect());
      let n = 0;
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => { if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) n++; }));
      return { n, labels: boxes.length };
    });
    assert.ok(overlaps.labels >= 3 && overlaps.n === 0, JSON.stringify(overlaps));
    await accessible('the map');
    await shot('map');

    // A click on the biggest cluster lists its events from the server, 20 at a time, most reported first.
    const biggest = await clusters.evaluateAll((marks) => marks.map((m, i) => [i, Number(m.getAttribute('data-count'))] as const).sort((a, b) => b[1] - a[1])[0]!);
    await clusters.nth(biggest[0]).focus();
    await page.keyboard.press('Enter');
    const listed = page.locator('#map-details ul.map-events li');
    await page.waitForFunction(() => document.querySelectorAll('#map-details ul.map-events li').length > 0);
    assert.equal(await listed.count(), 20, 'a first page of 20');
    assert.equal(await page.locator('#map-details ul.map-events').getAttribute('data-total'), String(biggest[1]));
    assert.ok(await page.locator('#map-details ul.map-events a[href^="#/event/"]').count() === 20, 'each links to its event');
    await page.locator('#map-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#map-details ul.map-events li').length === 40);
    const reports = await page.locator('#map-details ul.map-events li .muted').allTextContents();
    const counts = reports.map((t) => Number(/(\d+) reports?$/.exec(t)?.[1]));
    assert.ok(counts.every((n, i) => i === 0 || n <= counts[i - 1]!), `most reported first: ${counts.join(',')}`);
    await shot('map-details');

    // Zooming in on that cluster splits it: more marks there, each holding fewer events, all of them still counted.
    await page.locator('svg.world').scrollIntoViewIfNeeded();
    const box = (await clusters.nth(biggest[0]).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -120);
    await page.waitForFunction(() => Number(document.querySelector('svg.world')?.getAttribute('data-zoom')) > 5);
    await page.waitForTimeout(300);
    await settled();
    const zoomed = await page.locator('svg.world g.mark.event').evaluateAll((marks) => marks.map((m) => Number(m.getAttribute('data-count'))));
    assert.ok(zoomed.length >= 2 && Math.max(...zoomed) < biggest[1], `the cluster of ${biggest[1]} split into ${JSON.stringify(zoomed)}`);
    const inView = Number(await page.locator('svg.world').getAttribute('data-located'));
    assert.ok(zoomed.reduce((a, b) => a + b, 0) <= inView && inView < located, 'only the visible extent was asked for');
    await accessible('the zoomed map');
    await shot('map-zoomed');
    await page.locator('#map-world').click();
    await page.waitForFunction(() => document.querySelector('svg.world')?.getAttribute('data-zoom') === '1.00');
    await settled();
    // The most named places come with their newest articles; every place links to a search for all of its articles.
    const placeButtons = page.locator('main table.list button.linkish');
    assert.ok(await placeButtons.count() > 50, 'more places than the server sends articles for');
    await placeButtons.first().click();
    assert.ok(await page.locator('#map-details ul.plain a[href^="#/article/"]').count() >= 1, 'a most named place lists its newest articles');
    await placeButtons.last().click();
    const more = page.locator('#map-details a.place-articles');
    assert.match((await more.textContent())!, /^List the \d+ articles?$/);
    await more.click();
    await page.waitForSelector('body[data-view="search"][data-state="ready"]');
    assert.ok(await page.locator('main li.hit').count() >= 1, 'the search by place lists its articles');
  });

  test('graph: a readable default (at most 40 entities by weighted degree, communities), an ego view, relation filters', async () => {
    await go('#/graph', 'graph');
    await page.waitForSelector('#graph-canvas[data-drawn]');
    const graph = await api<{ nodes: { kind: string; community?: number; degree?: number }[]; edges: { kind: string }[] }>('/api/graph');
    const entities = graph.nodes.filter((n) => n.kind === 'entity');
    assert.ok(entities.length <= 40 && entities.every((n) => typeof n.community === 'number' && typeof n.degree === 'number'));
    assert.ok(graph.edges.some((e) => e.kind === 'claimed-about'), 'claimed-about links from the generated claims');
    const edges = Number(await page.getAttribute('#graph-canvas', 'data-edges'));
    await page.uncheck('#graph-show-co-occurrence');
    assert.ok(Number(await page.getAttribute('#graph-canvas', 'data-edges')) < edges, 'co-occurrence links hidden');
    await page.check('#graph-show-co-occurrence');
    await page.uncheck('#graph-show-claims');
    assert.ok(Number(await page.getAttribute('#graph-canvas', 'data-edges')) < edges, 'claimed-about links hidden');
    await page.check('#graph-show-claims');
    const first = await page.locator('#graph-ego option').nth(1).getAttribute('value');
    await page.selectOption('#graph-ego', first!);
    assert.equal(await page.getAttribute('#graph-canvas', 'data-ego'), first);
    assert.equal(await page.getAttribute('#graph-canvas', 'data-ego-label-overlaps'), '0', 'the ego network on a ring: no two names overlap');
    assert.ok(await page.locator('#graph-focus a.graph-open').count() === 1, 'the ego panel links to its page');
    await accessible('the graph');
    await shot('graph-ego');
  });

  test('article and event pages: entities highlighted only, readable times, a short event title, no codes, no repeats', async () => {
    const [row] = (await api<{ items: { id: string }[] }>('/api/events?limit=1&offset=100')).items;
    await go(`#/event/${encodeURIComponent(row!.id)}`, 'event');
    const title = (await page.textContent('main h1'))!.trim();
    assert.match(title, /^[A-Z].{5,120} — [A-Z][a-z]+, (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}$/, title);
    assert.doesNotMatch((await page.textContent('main'))!, /code:|XXXX-|\bPT\d+H\b/);
    const quotes = await page.locator('main .evidence blockquote a').allTextContents();
    assert.ok(quotes.length >= 1 && quotes.every((q) => /^“[A-Z].*\.”$/.test(q)), `each report's sentence whole: ${quotes.join(' | ')}`);
    await accessible('an event page');
    await shot('event');
    await page.locator('main .evidence a').first().click();
    await page.waitForSelector('body[data-view="article"][data-state="ready"]');
    const layers = await page.locator('fieldset.legend input[data-layer]').evaluateAll((boxes) => boxes.map((b) => [b.getAttribute('data-layer'), (b as HTMLInputElement).checked]));
    assert.deepEqual(layers.filter(([, on]) => on).map(([k]) => k), ['mention'], 'only entities on at first');
    assert.ok(layers.length >= 4, 'the other layers can be switched on');
    assert.equal(await page.locator('#article-body .ann-event').first().evaluate((e) => getComputedStyle(e).fontWeight), '400', 'events not highlighted until asked');
    const places = await page.locator('aside h2:text("Places") + ul li').allTextContents();
    assert.equal(new Set(places).size, places.length, places.join(' | '));
    await accessible('an article');
    await shot('article');
  });

  test('entity page: events with dates, none twice', async () => {
    const [entity] = (await api<{ items: { id: string }[] }>('/api/entities?type=ORG&limit=1')).items;
    await go(`#/entity/${encodeURIComponent(entity!.id)}`, 'entity');
    const rows = page.locator('li.entity-event');
    assert.ok(await rows.count() >= 5);
    const dates = await rows.locator('.tl-date').allTextContents();
    assert.ok(dates.every((d) => /^\d{1,2} [A-Z][a-z]{2} \d{4}$|^undated$/.test(d)), dates.join(', '));
    const links = await rows.locator('.tl-text a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(new Set(links).size, links.length);
    await accessible('an entity page');
  });

  test('search and claims pages pass axe too; at 390 px the nav (Map included) stays on screen', async () => {
    await go('#/claims', 'claims');
    await accessible('the claims page');
    await go('#/search?q=Aleppo', 'search');
    await accessible('the search page');
    await page.setViewportSize({ width: 390, height: 844 });
    await go('#/timeline');
    const box = await page.locator('nav a[data-nav="map"]').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `Map link at ${JSON.stringify(box)}`);
    await accessible('the timeline at 390 px');
    await shot('timeline-390');
    await page.locator('nav a[data-nav="map"]').click();
    await page.waitForSelector('body[data-view="map"][data-state="ready"] svg.world');
    await accessible('the map at 390 px');
    await shot('map-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('brief: printing hides the controls and keeps where each link leads', async () => {
    const [entity] = (await api<{ items: { id: string }[] }>('/api/entities?type=ORG&limit=1')).items;
    await go(`#/entity/${encodeURIComponent(entity!.id)}/brief`, 'brief');
    await accessible('a brief');
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('.brief-actions').isVisible(), false, 'no buttons on paper');
      const targets = await page.locator('#brief-timeline a, #brief-articles a').evaluateAll((links) => links.map((a) => getComputedStyle(a, '::after').content));
      assert.ok(targets.length >= 5, `${targets.length} links`);
      assert.ok(targets.every((t) => /^" <http:\/\/[^ ]+\/#\/(event|article)\/[^ ]+>"$/.test(t)), targets.slice(0, 3).join(' | '));
      await shot('brief-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('trends, saved searches and alerts pages pass axe; a search saved from the search page is listed with its new matches', async () => {
    await go('#/trends', 'trends');
    assert.ok(Number(await page.getAttribute('main figure.trends-chart', 'data-bars')) >= 5, 'bars over the dense range');
    await accessible('the trends page');
    await shot('trends');
    await go('#/search?q=Aleppo', 'search');
    await page.locator('#save-search-name').fill('Aleppo (scale test)');
    await page.locator('form.save-search button').click();
    await page.waitForSelector('#save-search-outcome .notice');
    await accessible('the search page with its save form answered');
    await go('#/alerts', 'alerts');
    assert.ok(await page.locator('main .alert-search', { hasText: 'Aleppo (scale test)' }).count() === 1, 'the saved search is listed');
    await accessible('the alerts and saved searches page');
    await shot('alerts');
    await go('#/', 'home');
    await accessible('the start page');
    await go('#/entities', 'entities');
    await accessible('the entities list');
  });

  test('roles: a reader token sees the corrections but no form on the entity or event page (the API refuses it too); an editor gets the forms', async () => {
    const editor = 'dsr_scale-editor-token-0000000000000000000000000';
    const reader = 'dsr_scale-reader-token-0000000000000000000000000';
    const shared = await listen(createApi({ store, webRoot: WEB_ROOT, tokens: [{ role: 'editor', hash: hashToken(editor), name: 'ana' }, { role: 'reader', hash: hashToken(reader), name: 'wall screen' }] }), '127.0.0.1', 0);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const [entity] = (await api<{ items: { id: string }[] }>('/api/entities?type=ORG&limit=1')).items;
      const entityPage = async (token: string) => {
        const tab = await context.newPage();
        tab.on('pageerror', (e) => problems.push(`page error (${token.slice(10, 16)}): ${e.message}`));
        await tab.goto(`${shared.url}/#/`);
        await tab.evaluate((t) => sessionStorage.setItem('dossier-token', t), token);
        await tab.goto(`${shared.url}/#/entity/${encodeURIComponent(entity!.id)}`);
        await tab.waitForSelector('body[data-view="entity"][data-state="ready"] #entity-corrections');
        return tab;
      };
      const readerTab = await entityPage(reader);
      await readerTab.waitForSelector('#entity-corrections .read-only');
      assert.match((await readerTab.textContent('#entity-corrections .read-only'))!, /wall screen \(reader\): corrections need an editor token/);
      assert.equal(await readerTab.locator('#entity-corrections form').count(), 0, 'no correction form for a reader');
      assert.deepEqual(await seriousViolations(readerTab), [], 'axe on the read-only entity page');
      await readerTab.screenshot({ path: join(SHOTS, 'scale-entity-reader.png') });
      const refused = await fetch(`${shared.url}/api/entities/${encodeURIComponent(entity!.id)}/rename`, { method: 'POST', headers: { authorization: `Bearer ${reader}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Renamed by a reader' }) });
      assert.equal(refused.status, 403);
      const [event] = (await api<{ items: { id: string }[] }>('/api/events?limit=1&offset=100')).items;
      await readerTab.goto(`${shared.url}/#/event/${encodeURIComponent(event!.id)}`);
      await readerTab.waitForSelector('body[data-view="event"][data-state="ready"] main .read-only');
      assert.equal(await readerTab.locator('#event-merge, .split-control').count(), 0, 'no merge or split for a reader');
      const editorTab = await entityPage(editor);
      assert.equal(await editorTab.locator('#entity-corrections form').count(), 4, 'merge, split, rename and retype for an editor');
      assert.equal(await editorTab.locator('#entity-corrections .read-only').count(), 0);
      await editorTab.goto(`${shared.url}/#/event/${encodeURIComponent(event!.id)}`);
      await editorTab.waitForSelector('body[data-view="event"][data-state="ready"] #event-merge form');
    } finally {
      await context.close();
      await shared.close();
    }
  });

  test('no page error, no console error, no server error', () => {
    assert.deepEqual(problems, []);
  });
});
