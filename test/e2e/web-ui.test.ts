/**
 * End-to-end: the real UI in Debian's headless Chromium (playwright-core, no downloaded browser) against
 * `createApi` + `listen` on a temporary store holding the demo corpus (ingested with the app's ingest use case)
 * and the hand-written fixture articles, one of which carries `<script>` and `onerror=` markup. Saves a
 * screenshot of each view under test-output/web/, each view first checked with axe-core. Skips with a printed reason when /usr/bin/chromium is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApi, listen, type RunningServer } from '../../src/api/index.js';
import { ingest } from '../../src/app/ingest.js';
import { loadDefaultResources } from '../../src/app/resources.js';
import { createResources, defaultStages } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/store.js';
import { HOSTILE_MARKUP, seedFixtureStore } from '../helpers/api-fixture.js';
import { seriousViolations } from './axe.js';
import { hashToken } from '../../src/app/access-tokens.js';
import { ROOT, WEB_ROOT, ensureWebBuilt } from './web-build.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-output', 'web');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (apt-get install -y chromium)`;
if (skip) process.stdout.write(`web-ui e2e skipped: ${skip}\n`);

/**
 * The default stages and their resources; when the resources cannot be loaded (a model being retrained), the
 * clean step alone, with the reason printed: this test is about the UI, and the pipeline has its own tests.
 */
async function pipelineOrCleanOnly(): Promise<{ stages: ReturnType<typeof defaultStages>; resources: Awaited<ReturnType<typeof loadDefaultResources>> }> {
  try {
    return { stages: defaultStages(), resources: await loadDefaultResources() };
  } catch (error) {
    process.stdout.write(`web-ui e2e: default pipeline unavailable (${error instanceof Error ? error.message : String(error)}); ingesting with the clean step only\n`);
    return { stages: [], resources: createResources() };
  }
}

describe('web ui › in headless Chromium on the demo corpus', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let ids: Awaited<ReturnType<typeof seedFixtureStore>>;
  let pipeline: Awaited<ReturnType<typeof pipelineOrCleanOnly>>;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];

  before(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
    store = openSqliteStore(join(dir, 'e2e.db'));
    await store.migrate();
    pipeline = await pipelineOrCleanOnly();
    const summary = await ingest([join(ROOT, 'examples', 'articles')], { store, ...pipeline });
    // Text and HTML twins of one article clean to the same body and are stored once, so count stories, not files.
    assert.equal(summary.failures.length, 0, `demo corpus failures: ${JSON.stringify(summary.failures)}`);
    assert.ok(summary.inserted >= 12, `demo corpus ingested: ${summary.inserted}`);
    ids = await seedFixtureStore(store);
    server = await listen(createApi({ store, webRoot: WEB_ROOT, logError: (e) => pageErrors.push(`server: ${String(e)}`) }), '127.0.0.1', 0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ready = async () => page.waitForSelector('body[data-state="ready"]');
  const go = async (hash: string) => {
    await page.goto(`${server.url}/${hash}`);
    await ready();
  };
  /** Saves a screenshot of the view, and checks it with axe-core first (0 serious or critical violations; issue 18). */
  const shot = async (name: string) => {
    if (!name.includes('print')) assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
    return page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const heading = async () => (await page.textContent('main h1'))?.trim();
  /** The passage the article view marks as followed evidence (it may be cut into several elements by other layers). */
  const focusedText = async () => (await page.locator('#article-body .ann-focus').allTextContents()).join('');

  test('the start page lists the stored articles', async () => {
    await go('#/');
    assert.equal(await heading(), 'Dossier');
    assert.ok((await page.locator('main table.list tbody tr').count()) >= 15, 'the demo stories and the fixture articles are listed');
    await shot('1-home');
  });

  test('search from the keyboard: "/" focuses the box, Enter shows hits with the words highlighted', async () => {
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    await page.keyboard.type('rocket');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-view="search"][data-state="ready"]');
    const marks = await page.locator('main .snippet mark').allTextContents();
    assert.ok(marks.length > 0, 'highlighted hits');
    assert.ok(marks.every((m) => /^rocket/i.test(m)), marks.join(', '));
    assert.ok((await page.locator('main li.hit').count()) >= 3);
    await shot('2-search');
  });

  test('a hit opens its article: body, comments collapsed apart, provenance', async () => {
    const title = (await page.locator('main a.hit-title').first().textContent())!.trim();
    await page.locator('main a.hit-title').first().click();
    await page.waitForSelector('body[data-view="article"][data-state="ready"]');
    assert.equal(await heading(), title);
    assert.ok(((await page.textContent('#article-body')) ?? '').length > 200);
    const comments = page.locator('details.comments');
    if (await comments.count()) assert.equal(await comments.evaluate((d) => (d as HTMLDetailsElement).open), false, 'comments start collapsed');
    await shot('3-article');
  });

  test('an article with <script> and onerror= markup shows it as text and runs nothing', async () => {
    await go(`#/article/${ids.hostile}`);
    assert.match((await heading()) ?? '', /<script>window\.__pwned = 1<\/script>/);
    assert.ok(((await page.textContent('#article-body')) ?? '').includes(HOSTILE_MARKUP));
    await page.locator('details.comments summary').click();
    assert.ok(((await page.textContent('details.comments')) ?? '').includes('onerror='));
    assert.equal(await page.locator('main script, main img, main [onerror], main [onmouseover]').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.ok(await page.locator('a.ann-mention.type-PER').count() >= 1, 'entity mentions highlighted');
    await shot('4-article-hostile');
  });

  test('a highlighted mention opens the entity page: aliases, roles over time, outlets, articles', async () => {
    await page.locator('a.ann-mention.type-PER', { hasText: 'Qasim Haddad' }).first().click();
    await page.waitForSelector('body[data-view="entity"][data-state="ready"]');
    // The demo corpus writes him "Kassem Haddad" too; with the full pipeline the store may show either form.
    assert.match((await heading()) ?? '', /^(Qasim|Kassem) Haddad$/);
    assert.match((await page.textContent('main')) ?? '', /commander, Tigris Guardians Brigade/);
    assert.ok(await page.locator('main ul.bars li').count() >= 2, 'mentions by outlet');
    await page.waitForSelector('#related[data-ready]');
    assert.ok(await page.locator('#related li a').count() >= 2, 'related entities');
    await shot('5-entity');
  });

  test('a role\'s evidence opens the article at that sentence', async () => {
    const evidence = page.locator('main a[title="open the sentence in its article"]', { hasText: 'Brig. Gen. Qasim Haddad' });
    const quoted = ((await evidence.textContent()) ?? '').replace(/^“|”$/g, '');
    await evidence.click();
    await page.waitForSelector('body[data-view="article"][data-state="ready"]');
    assert.equal(await focusedText(), quoted);
    assert.match(quoted, /^Brig\. Gen\. Qasim Haddad, commander/);
    await shot('6-article-evidence');
  });

  test('trends draw events by type over time, narrow with the filters, and list the numbers', async () => {
    await go('#/trends');
    const bars = Number(await page.getAttribute('main figure.trends-chart', 'data-bars'));
    assert.ok(bars >= 1, 'one bar per period at least');
    assert.ok(await page.locator('main figure.trends-chart rect[data-type]').count() >= 1, 'bar segments coloured by type');
    assert.ok(await page.locator('main ul.trends-legend li').count() >= 1);
    await page.locator('main details.trends-table summary').click();
    assert.ok(await page.locator('main details.trends-table tbody tr').count() >= 1, 'the numbers as a table');
    await shot('7a-trends');
    await page.selectOption('#trends-status', 'denied');
    await page.locator('main form[aria-label="trend filters"] button[type="submit"]').click();
    await page.waitForFunction(() => location.hash.includes('status=denied') && document.body.dataset['state'] === 'ready');
    assert.match((await page.textContent('main h1')) ?? '', /Trends/);
    // The chart counts what the events list holds for the same filter (the demo corpus has a few denials).
    const denied = await page.evaluate(async () => ((await (await fetch('/api/events?status=denied&limit=1')).json()) as { total: number }).total);
    assert.ok(denied >= 1, 'the demo corpus has denied events');
    assert.match((await page.textContent('main')) ?? '', new RegExp(`\\b${denied} events?\\b`), 'as many events as the events list holds');
    assert.match((await page.getAttribute('main a.download-link[data-format="events.csv"]', 'href')) ?? '', /status=denied/);
  });

  test('the timeline places events with their status and source count, and articles, by period', async () => {
    await go('#/timeline');
    // Half the demo files are plain text with no publication date; the dated ones and the fixtures are placed,
    // and the list shows one period (the latest) at a time, under the strip of periods.
    assert.ok(await page.locator('main li.tl-item').count() >= 2);
    assert.ok(await page.locator('svg.density a').count() >= 2, 'periods with items link to their lists');
    const denied = page.locator('main li.tl-event', { hasText: 'Rockets struck Baghdad airport on Tuesday.' });
    assert.match((await denied.textContent()) ?? '', /denied.*0 independent sources/);
    await shot('7-timeline');
  });

  test('an event opens with its status, and one click leads to the sentence that states it', async () => {
    await page.locator('main li.tl-event a', { hasText: 'Rockets struck Baghdad airport on Tuesday.' }).click();
    await page.waitForSelector('body[data-view="event"][data-state="ready"]');
    assert.match((await page.textContent('main .explanation')) ?? '', /denied by Qasim Haddad/);
    assert.match((await page.textContent('main .chains')) ?? '', /The Northern Ledger ← Qasim Haddad/);
    await shot('7b-event');
    await page.locator('main .evidence a').first().click();
    await page.waitForSelector('body[data-view="article"][data-state="ready"]');
    assert.equal(await focusedText(), 'Rockets struck Baghdad airport on Tuesday.');
    assert.ok(await page.locator('#focus-span').isVisible());
    assert.ok(await page.locator('.ann-event').count() >= 1, 'the event trigger is highlighted');
    assert.ok(await page.locator('.ann-claim').count() >= 1, 'the claim is highlighted');
    await page.goBack();
    await page.waitForSelector('body[data-view="event"][data-state="ready"]');
    assert.match((await page.textContent('#event-claims')) ?? '', /denied[\s\S]*any role/, 'the claims reporting it');
  });

  test('the graph draws entities and the events between them with cytoscape', async () => {
    await go('#/graph');
    await page.waitForSelector('#graph-canvas[data-drawn]');
    assert.ok(Number(await page.getAttribute('#graph-canvas', 'data-drawn')) >= 3);
    // Events sit between the entities that acted and those they targeted, listed for keyboard users too.
    const shownEvents = Number(await page.getAttribute('#graph-canvas', 'data-events'));
    assert.ok(shownEvents > 0, 'the demo corpus has coded events on the graph');
    assert.equal(await page.locator('#graph-events tbody tr').count(), shownEvents);
    assert.match((await page.locator('#graph-events tbody tr a').first().getAttribute('href'))!, /^#\/event\//);
    await page.uncheck('#graph-show-events');
    assert.equal(await page.getAttribute('#graph-canvas', 'data-events'), '0');
    assert.ok(await page.locator('#graph-events').isHidden());
    await page.check('#graph-show-events');
    assert.ok(await page.locator('#graph-canvas canvas').count() >= 1);
    await page.waitForTimeout(300);
    await shot('8-graph');
  });

  test('the map draws bundled world geometry and the resolved places, with no tile server', async () => {
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await go('#/map');
    assert.ok(await page.locator('svg.world path.country').count() > 150, 'countries drawn');
    assert.ok(await page.locator('svg.world circle.point').count() >= 3, 'places drawn');
    // The two fixture events at least; more when the default pipeline codes events in the demo corpus.
    const eventsDrawn = (await page.locator('svg.world g.mark.event').evaluateAll((marks) => marks.map((m) => Number(m.getAttribute('data-count'))))).reduce((a, b) => a + b, 0);
    assert.ok(eventsDrawn >= 2, `events drawn: ${eventsDrawn}`);
    await page.locator('svg.world g.place-mark').first().focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('.map-details a').count() >= 1, 'Enter on a place lists its articles');
    assert.deepEqual(outside, []);
    await shot('9-map');
  });

  /** An article as the API gives it, read from the page (same origin), to check a hit independently of the search. */
  const articleLayers = async (id: string) => page.evaluate(async (articleId) => {
    const res = await fetch(`/api/articles/${encodeURIComponent(articleId)}`);
    const body = await res.json() as { layers: { places?: { countryCode?: string }[]; events?: { ploverType: string }[] } };
    return { countries: (body.layers.places ?? []).map((p) => p.countryCode ?? ''), eventTypes: (body.layers.events ?? []).map((e) => e.ploverType) };
  }, id);
  const hitIds = async () => page.locator('main li.hit').evaluateAll((items) => items.map((li) => li.getAttribute('data-id') ?? ''));

  test('search with a country filter from the form: every hit names a place in that country, and the filter is a removable chip', async () => {
    await go('#/search?q=rocket');
    const unfiltered = await page.locator('main li.hit').count();
    await page.selectOption('#search-country', 'IQ');
    await page.locator('#search-q').press('Enter');
    await page.waitForFunction(() => location.hash.includes('country=IQ'));
    await ready();
    assert.match(await page.evaluate(() => location.hash), /^#\/search\?q=rocket&country=IQ$/);
    const ids = await hitIds();
    assert.ok(ids.length >= 1 && ids.length <= unfiltered, `${ids.length} of ${unfiltered} hits`);
    for (const id of ids) assert.ok((await articleLayers(id)).countries.includes('IQ'), `hit ${id} names no place in Iraq`);
    assert.ok((await page.locator('main .snippet mark').count()) >= 1, 'words still highlighted');
    assert.match((await page.textContent('.filter-chip[data-filter="country"]')) ?? '', /Country: Iraq/);
    assert.equal(await page.inputValue('#search-country'), 'IQ', 'the form shows the filter in force');
    await shot('10-search-filter');
    // New words in the header box keep the filters in force.
    await page.fill('#search-input', 'airport');
    await page.locator('#search-input').press('Enter');
    await page.waitForFunction(() => location.hash.includes('q=airport'));
    await ready();
    assert.match(await page.evaluate(() => location.hash), /^#\/search\?.*country=IQ/, 'the filter stays');
    await go('#/search?q=rocket&country=IQ');
    await page.locator('.filter-chip[data-filter="country"] .chip-remove').click();
    await page.waitForFunction(() => location.hash === '#/search?q=rocket');
    await ready();
    assert.equal(await page.locator('main li.hit').count(), unfiltered);
  });

  test('a search with filters only (no words) lists matching articles newest first', async () => {
    await go('#/search');
    assert.equal(await page.locator('main li.hit').count(), 0);
    await page.selectOption('#search-type', 'ASSAULT');
    await page.locator('form.search-filters button[type="submit"]').click();
    await page.waitForFunction(() => location.hash === '#/search?type=ASSAULT');
    await ready();
    assert.equal(await heading(), 'Search: filtered articles');
    const ids = await hitIds();
    assert.ok(ids.length >= 2, `${ids.length} articles`);
    for (const id of ids) assert.ok((await articleLayers(id)).eventTypes.includes('ASSAULT'), `hit ${id} reports no ASSAULT event`);
    assert.equal(await page.locator('main .snippet mark').count(), 0, 'no words, so nothing highlighted');
    const dates = (await page.locator('main .hit-meta').allTextContents()).map((t) => t.slice(0, 10)).filter((d) => /^\d{4}-/.test(d));
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    await shot('11-search-filters-only');
  });

  test('a filtered search offers its results for download: the link carries the filters and the CSV holds the claims of exactly the listed articles', async () => {
    await go('#/search?type=ASSAULT&country=IQ');
    const ids = await hitIds();
    assert.ok(ids.length >= 1 && !(await page.locator('main .pager a[rel="next"]').count()), `${ids.length} articles, on one page`);
    const link = page.locator('nav.downloads a[data-format="claims.csv"]');
    assert.equal(await page.getAttribute('nav.downloads', 'aria-label'), 'download these results');
    const href = (await link.getAttribute('href'))!;
    assert.equal(href, '/api/exports/claims.csv?type=ASSAULT&country=IQ');
    await link.focus();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-format')), 'claims.csv', 'reachable from the keyboard');
    const { csv, perArticle } = await page.evaluate(async ({ url, articles }) => {
      const counts: Record<string, number> = {};
      for (const id of articles) counts[id] = ((await (await fetch(`/api/claims?article=${encodeURIComponent(id)}&limit=100`)).json()) as { items: unknown[] }).items.length;
      return { csv: await (await fetch(url)).text(), perArticle: counts };
    }, { url: href, articles: ids });
    const exported: Record<string, number> = {};
    for (const line of csv.trim().split('\r\n').slice(1).filter(Boolean)) exported[line.split(',')[0]!] = (exported[line.split(',')[0]!] ?? 0) + 1;
    assert.deepEqual(exported, Object.fromEntries(Object.entries(perArticle).filter(([, n]) => n > 0)), 'the claims of the listed articles, and no other');
    assert.ok(Object.keys(exported).length >= 1, 'the selection holds claims');
  });

  test('an entity page links to the articles naming it, its claims and its brief', async () => {
    const id = await page.evaluate(async () => ((await (await fetch('/api/entities?q=Haddad&type=PER')).json()) as { items: { id: string }[] }).items[0]!.id);
    await go(`#/entity/${encodeURIComponent(id)}`);
    assert.ok(await page.locator('#entity-claims li.claim-item').count() >= 1, 'claims naming it');
    await page.locator('main a.search-link').click();
    await page.waitForSelector('body[data-view="search"][data-state="ready"]');
    assert.match((await page.textContent('.filter-chip[data-filter="entity"]')) ?? '', /Entity: (Qasim|Kassem) Haddad/);
    const ids = await hitIds();
    assert.ok(ids.length >= 2, `${ids.length} articles name him`);
    await page.goBack();
    await page.waitForSelector('body[data-view="entity"][data-state="ready"]');
    await page.locator('main a.brief-link').click();
    await page.waitForSelector('body[data-view="brief"][data-state="ready"]');
    assert.match((await heading()) ?? '', /^Brief: (Qasim|Kassem) Haddad$/);
    assert.match((await page.textContent('#brief-roles')) ?? '', /commander, Tigris Guardians Brigade/);
    assert.ok(await page.locator('#brief-timeline li.brief-event').count() >= 1, 'events on its timeline');
    assert.ok(await page.locator('#brief-related li a').count() >= 1, 'related actors');
    for (const format of ['html', 'md'] as const) {
      const href = (await page.getAttribute(`a.brief-download[data-format="${format}"]`, 'href'))!;
      assert.ok(href.endsWith(`/brief?format=${format}`), href);
      const res = await page.evaluate(async (url) => { const r = await fetch(url); return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() }; }, href);
      assert.equal(res.status, 200);
      assert.match(res.type, format === 'html' ? /text\/html/ : /text\/markdown/);
      assert.match(res.text, /Haddad/);
    }
    await shot('12-brief');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.top').isVisible(), false, 'printing hides the header');
    assert.equal(await page.locator('.brief-actions').isVisible(), false, 'and the buttons');
    await shot('12b-brief-print');
    await page.emulateMedia({ media: 'screen' });
  });

  test('the claims page filters by stance, and a claim leads to its sentence in the article', async () => {
    await page.locator('nav a[data-nav="claims"]').click();
    await page.waitForSelector('body[data-view="claims"][data-state="ready"]');
    assert.equal(await heading(), 'Claims');
    assert.ok(await page.locator('main li.claim-item').count() >= 3);
    await page.selectOption('#claims-stance', 'denied');
    await page.locator('form.claim-filters button[type="submit"]').click();
    await page.waitForFunction(() => location.hash === '#/claims?stance=denied');
    await ready();
    const stances = await page.locator('main li.claim-item .badge.stance').allTextContents();
    assert.ok(stances.length >= 1 && stances.every((s) => s === 'denied'), stances.join(', '));
    assert.ok(await page.locator('.filter-chip[data-filter="stance"]').count() === 1);
    await shot('13-claims');
    await go('#/claims?anonymous=true');
    const anonymous = page.locator('main li.claim-item');
    for (let i = 0; i < await anonymous.count(); i++) assert.ok(await anonymous.nth(i).locator('.badge.anon').count() === 1 && await anonymous.nth(i).locator('.chain-source.kind-anonymous').count() >= 1, 'unnamed sources only, marked');
    await go('#/claims?stance=denied');
    await page.locator('main li.claim-item', { hasText: 'Rockets hit Baghdad airport' }).locator('.claim-content a').click();
    await page.waitForSelector('body[data-view="claim"][data-state="ready"]');
    assert.match((await heading()) ?? '', /^Claim by Qasim Haddad$/);
    assert.equal(await page.textContent('main h1 + p .badge.stance'), 'denied');
    assert.equal((await page.locator('#claim-sentence mark.claim-content-mark').allTextContents()).join(''), 'any role');
    assert.match((await page.textContent('main .source-path')) ?? '', /The Northern Ledger.*←.*Qasim Haddad.*role: commander/);
    const event = page.locator('main li.claim-event-line');
    assert.match((await event.textContent()) ?? '', /denied.*ASSAULT.*Rockets struck Baghdad airport on Tuesday\./);
    const sentence = ((await page.textContent('#claim-sentence')) ?? '').trim();
    await shot('14-claim');
    await page.locator('main a.claim-open-sentence').click();
    await page.waitForSelector('body[data-view="article"][data-state="ready"]');
    assert.equal(await focusedText(), sentence);
    assert.ok(await page.locator('#focus-span').isVisible());
    await shot('15-claim-sentence');
  });

  test('the timeline narrows to a date range kept in the hash', async () => {
    await go('#/timeline');
    // The server sends one page of one period, with the counts of everything in scope.
    const all = await page.evaluate(async () => {
      const { counts } = (await (await fetch('/api/timeline')).json()) as { counts: { event: number; article: number; role: number } };
      return counts.event + counts.article + counts.role;
    });
    await page.fill('#timeline-from', '2024-11');
    await page.fill('#timeline-to', '2024-11');
    await page.locator('#timeline-to').press('Enter');
    await page.waitForFunction(() => location.hash === '#/timeline?from=2024-11&to=2024-11');
    await ready();
    const articles = await page.locator('main li.tl-article .tl-date').allTextContents();
    assert.ok(articles.length >= 1 && articles.every((d) => d.endsWith('Nov 2024')), articles.join(', '));
    // An event is kept when its window meets the range (a vague "in 2024" starts before November).
    const windows = await page.locator('main li.tl-event .tl-date').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
    assert.ok(windows.every((w) => { const [start = '', end = ''] = w.split(' – '); return start.slice(0, 7) <= '2024-11' && end.slice(0, 7) >= '2024-11'; }), windows.join(', '));
    assert.ok(await page.locator('main li.tl-item').count() < all, 'fewer items than the whole timeline');
    assert.equal(await page.locator('main .filter-chip').count(), 2);
    assert.match((await page.getAttribute('main .zoom a', 'href')) ?? '', /from=2024-11&to=2024-11/);
    await shot('16-timeline-dates');
  });

  test('an event splits one report off from its page and merges it back; a merge with an unknown event shows the error beside the form', async () => {
    const json = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json() as Promise<T>;
    const rows = (await json<{ items: { id: string }[] }>('/api/events?limit=100&offset=0')).items;
    let eventId = '';
    for (const row of rows) if ((await json<{ observations: unknown[] }>(`/api/events/${encodeURIComponent(row.id)}`)).observations.length >= 2) { eventId = row.id; break; }
    assert.ok(eventId, 'the fixture has an event reported at least twice');
    await go(`#/event/${encodeURIComponent(eventId)}`);
    const before = await page.locator('main .evidence').count();
    const logged = consoleErrors.length;
    await page.locator('#event-merge input').fill('ev-none');
    await page.locator('#event-merge form button[type=submit]').click();
    await page.waitForSelector('#merge-error:not(:empty)');
    assert.equal(await page.locator('#merge-confirm button.confirm').count(), 0, 'an unknown event is refused before any confirm step');
    assert.match((await page.textContent('#merge-error')) ?? '', /404/);
    // Chromium logs the refused POST itself; that 404 is this step's expected answer, not a fault of the page.
    assert.deepEqual(consoleErrors.splice(logged).filter((e) => !/status of 404/.test(e)), []);
    // Split asks first: Cancel changes nothing, Confirm splits.
    await page.locator('main .evidence button.split-off').last().click();
    await page.locator('main .evidence .split-control button.cancel').click();
    assert.equal(await page.locator('main .evidence .split-control button.confirm').count(), 0);
    assert.equal(await page.locator('main .evidence').count(), before, 'cancelled: nothing split');
    await page.locator('main .evidence button.split-off').last().click();
    await page.locator('main .evidence .split-control button.confirm').click();
    await page.waitForSelector('main a.split-event');
    await ready();
    assert.equal(await page.locator('main .evidence').count(), before - 1, 'one report fewer');
    const created = decodeURIComponent(((await page.getAttribute('main a.split-event', 'href')) ?? '').replace(/^#\/event\//, ''));
    const split = await fetch(`${server.url}/api/events/${encodeURIComponent(created)}`);
    assert.equal(split.status, 200, 'the new event exists');
    assert.equal(((await split.json()) as { observations: unknown[] }).observations.length, 1);
    await shot('17-event-split');
    await page.locator('#event-merge input').fill(created);
    await page.locator('#event-merge form button[type=submit]').click();
    await page.waitForSelector('#merge-confirm button.confirm');
    assert.ok(((await page.textContent('#merge-confirm')) ?? '').includes(`(${created}, 1 report) into this event`), 'the confirm step names the event to merge');
    await page.locator('#merge-confirm button.confirm').click();
    await page.waitForSelector('main .notice:has-text("Merged event")');
    await ready();
    assert.equal(await page.locator('main .evidence').count(), before, 'merged back: every report again');
  });

  test('a saved search alerts on an article ingested later: count in the nav, listed on the Alerts page, cleared by "Mark seen"', async () => {
    await go('#/search?q=lighthouse');
    await page.locator('#save-search-name').fill('Lighthouse news');
    await page.locator('form.save-search button').click();
    await page.waitForSelector('#save-search-outcome .notice');
    assert.match((await page.textContent('#save-search-outcome')) ?? '', /Saved as “Lighthouse news”/);
    await go('#/alerts');
    assert.equal(await page.locator('#alert-count').isHidden(), true, 'nothing new yet');
    // Written here, ingested with the same pipeline as the demo corpus: the watcher's new article.
    const file = join(dir, 'lighthouse-keeper.txt');
    writeFileSync(file, 'Lighthouse keepers return to Skerry Point\n\nThe coastal authority said on Monday that two keepers will again live at the Skerry Point lighthouse from March, after storms twice cut its automatic lamp.\n\nThe lighthouse was automated in 1994.\n');
    const summary = await ingest([file], { store, ...pipeline });
    assert.equal(summary.inserted, 1);
    // The same address again: a reload draws the page anew (and refreshes the nav count).
    await page.reload();
    await ready();
    await page.waitForSelector('#alert-count:not([hidden])');
    assert.equal((await page.textContent('#alert-count'))?.trim(), '1');
    assert.deepEqual(await page.locator('main .alert-articles a').allTextContents(), ['Lighthouse keepers return to Skerry Point']);
    await shot('18-alerts');
    await page.locator('main button.mark-seen').click();
    await page.waitForSelector('main .alert-search .badge:has-text("nothing new")');
    await ready();
    assert.equal(await page.locator('#alert-count').isHidden(), true, 'seen: the count is gone');
  });

  test('a note added on an entity page is listed there with its author; the entity can be watched', async () => {
    await go(`#/entity/${encodeURIComponent('Qasim Haddad')}`);
    await page.waitForSelector('#notes-list li');
    await page.locator('#note-text').fill('Named as commander in two outlets; check his title.');
    await page.locator('.note-form button').click();
    await page.waitForSelector('#notes-list .note');
    assert.deepEqual(await page.locator('#notes-list .note p').allTextContents(), ['Named as commander in two outlets; check his title.']);
    assert.match((await page.textContent('#notes-list .note .muted')) ?? '', /^local user · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    await page.locator('#watch-entity').click();
    await page.waitForSelector('p.watch .notice');
    await shot('19-entity-note');
  });

  test('a server with tokens asks for one once (kept for the tab), refuses a wrong one, and a reader token cannot add a note', async () => {
    const editor = 'dsr_e2e-editor-token-000000000000000000000000000';
    const reader = 'dsr_e2e-reader-token-000000000000000000000000000';
    const shared = await listen(createApi({ store, webRoot: WEB_ROOT, tokens: [{ role: 'editor', hash: hashToken(editor), name: 'ana' }, { role: 'reader', hash: hashToken(reader), name: 'screen' }] }), '127.0.0.1', 0);
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const unexpected: string[] = [];
    try {
      const tab = await context.newPage();
      tab.on('pageerror', (e) => unexpected.push(e.message));
      // The refused requests (401, 403) are the answers this step asks for; Chromium logs each one itself.
      tab.on('console', (m) => {
        if (m.type() === 'error' && !/status of 40[13]/.test(m.text())) unexpected.push(m.text());
      });
      const tabReady = () => tab.waitForSelector('body[data-state="ready"]');
      await tab.goto(`${shared.url}/#/`);
      await tab.waitForSelector('#sign-in');
      assert.equal((await tab.textContent('main h1'))?.trim(), 'Sign in');
      await tab.locator('#token-input').fill('dsr_not-a-token');
      await tab.locator('#sign-in button').click();
      await tab.waitForSelector('#sign-in .error, main p.error');
      assert.match((await tab.textContent('main p.error')) ?? '', /not valid/);
      await tab.locator('#token-input').fill(editor);
      await tab.locator('#sign-in button').click();
      await tab.waitForSelector('body[data-view="home"][data-state="ready"] main table.list');
      assert.equal((await tab.textContent('main h1'))?.trim(), 'Dossier');
      await tab.goto(`${shared.url}/#/alerts`);
      await tabReady();
      assert.equal((await tab.textContent('main h1'))?.trim(), 'Alerts', 'the token is kept for the tab');
      await tab.screenshot({ path: join(SHOTS, '20-signed-in-alerts.png'), fullPage: true });

      await tab.evaluate((token) => sessionStorage.setItem('dossier-token', token), reader);
      await tab.goto(`${shared.url}/#/entity/${encodeURIComponent('Qasim Haddad')}`);
      await tabReady();
      await tab.waitForSelector('#notes-list .note');
      await tab.locator('#note-text').fill('A reader cannot write this.');
      await tab.locator('.note-form button').click();
      await tab.waitForSelector('.note-form .error:not(:empty)');
      assert.match((await tab.textContent('.note-form .error')) ?? '', /needs an editor token \(403\)/);
      assert.equal(await tab.locator('#notes-list .note').count(), 1, 'nothing added');
      assert.deepEqual(unexpected, []);
    } finally {
      await context.close();
      await shared.close();
    }
  });

  test('an entity is renamed and retyped from its page, the corrections are listed with who and when, and undone; a merge with an unknown entity shows the error beside the form', async () => {
    const json = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json() as Promise<T>;
    const [entity] = (await json<{ items: { id: string; name: string; type: string }[] }>('/api/entities?type=ORG&limit=1&offset=0')).items;
    assert.ok(entity, 'the demo corpus has an organisation');
    await go(`#/entity/${encodeURIComponent(entity.id)}`);
    const logged = consoleErrors.length;
    await page.locator('#merge-entity').fill('No Such Entity Anywhere');
    await page.locator('.merge-form button').click();
    await page.waitForSelector('#merge-error:not(:empty)');
    assert.match((await page.textContent('#merge-error')) ?? '', /404/);
    assert.deepEqual(consoleErrors.splice(logged).filter((e) => !/status of 404/.test(e)), []);
    await page.locator('#correction-by').fill('e2e analyst');
    await page.locator('#rename-name').fill(`${entity.name} (renamed)`);
    await page.locator('.rename-form button').click();
    await page.waitForSelector('#correction-notice');
    await ready();
    assert.equal(await page.textContent('main h1'), `${entity.name} (renamed)`);
    await page.locator('#retype-type').selectOption('MISC');
    await page.locator('.retype-form button').click();
    await page.waitForSelector('#correction-notice:has-text("Retyped")');
    await ready();
    const listed = await page.locator('main li.correction').allTextContents();
    assert.equal(listed.length, 2);
    assert.match(listed[0]!, /retyped from ORG to MISC · by e2e analyst, \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    await shot('18-entity-corrections');
    for (let i = 0; i < 2; i++) {
      const id = await page.locator('main li.correction').first().getAttribute('data-id');
      await page.locator('main li.correction button.undo-correction').first().click();
      await page.waitForSelector(`#correction-notice:has-text("Undid correction ${id} ")`);
      await ready();
    }
    assert.equal(await page.locator('main li.correction').count(), 0);
    const restored = await json<{ name: string; type: string }>(`/api/entities/${encodeURIComponent(entity.id)}`);
    assert.deepEqual([restored.name, restored.type], [entity.name, entity.type]);
  });

  test('nothing ran that should not have: no page error, no dialog, no blocked script', async () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleErrors.filter((e) => !/favicon/.test(e)), []);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });
});
