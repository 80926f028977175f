/**
 * A copy is not an independent origin, however its attribution was parsed. The demo's Gulf Courier rewrite of the
 * Meridian convoy story (reworded lead, one paragraph cut, one added) is fed to the cross-article rules with the
 * lead attributed differently in each copy and without a near-duplicate group (as for a cut copy), in both orders:
 * one origin each time. Two outlets that only quote the same statement stay two origins.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { EventReport } from '../../src/corpus/corroborate/index.js';
import { createMemoryCorpus, linkArticle } from '../../src/corpus/cross-article/index.js';
import type { ObservedEvent } from '../../src/corpus/observe/index.js';
import type { Source } from '../../src/model/index.js';
import { cleanArticle } from '../../src/stages/clean/index.js';

const demoText = (slug: string): string => cleanArticle({
  source: slug, format: 'html', contentType: 'html', content: readFileSync(new URL(`../../examples/articles/html/${slug}.html`, import.meta.url), 'utf8'), hints: {},
}).text;

/** The convoy strike as an article reports it in the sentence that opens with `lead`, under an attribution chain. */
function strike(articleId: string, outlet: string, text: string, lead: RegExp, chain: Source[]): { articleId: string; text: string; events: ObservedEvent[] } {
  const at = lead.exec(text);
  assert.ok(at, `${articleId} has its lead`);
  const end = text.indexOf('.', at.index + at[0].length) + 1;
  const report: EventReport = { articleId, syndicationGroup: articleId, outlet, chain, stance: 'asserted' };
  return {
    articleId, text,
    events: [{
      observation: { articleId, mentionId: 'ev1', ploverType: 'ASSAULT', modality: 'asserted', sourceIds: [], targetIds: ['loc:aleppo'], counts: { fatalities: 12 },
        timeValue: '2024-11-07', publishedAt: '2024-11-08', trigger: 'killed', place: { name: 'Aleppo', lat: 36.2, lon: 37.16, countryCode: 'SY', gazetteerId: '170063' } },
      reports: [report],
      evidence: { start: at.index, end },
    }],
  };
}

const ledger = demoText('aleppo-convoy-strike');
const courier = demoText('aleppo-convoy-strike-gulf-courier');
// The Northern Ledger's lead parsed with the commander as its source; Gulf Courier's with the health officials.
const fromLedger = strike('ledger', 'The Northern Ledger', ledger, /A drone strike on a convoy/, [{ kind: 'person', name: 'Kassem Haddad' }]);
const fromCourier = strike('courier', 'Gulf Courier', courier, /At least 12 people, including four children, were killed/,
  [{ kind: 'anonymous', name: 'Syrian health officials', nationality: 'Syrian', count: 'multiple' }]);

for (const order of [[fromLedger, fromCourier], [fromCourier, fromLedger]]) {
  test(`demo text reuse › the Gulf Courier rewrite parsed differently is one origin (${order[0]!.articleId} first)`, async () => {
    const { tx, state } = createMemoryCorpus();
    for (const article of order) await linkArticle(tx, article);
    assert.equal(state.events.size, 1, 'both reports are one event');
    const [event] = state.events.values();
    assert.equal(event!.status, 'single-source');
    assert.match(event!.explanation, /^1 independent origin/);
    assert.match(event!.explanation, /Gulf Courier reuses The Northern Ledger's text/);
  });
}

test('demo text reuse › without the reuse check the two parses would be two origins (the fault it fixes)', async () => {
  const { tx, state } = createMemoryCorpus();
  for (const { articleId, events } of [fromLedger, fromCourier]) await linkArticle(tx, { articleId, events });
  const [event] = state.events.values();
  assert.equal(event!.status, 'corroborated');
});

// Two outlets' own reports of one flood, written for this test: each quotes the governor's statement word for word
// and both end with the same stock lines, but neither reuses the other's text.
const TIDEWATER = [
  'Floodwater from a breached irrigation dam swept through three villages south of the river on Monday, forcing about 2,000 people from their homes, regional officials said.',
  'The regional governor, Oleh Marchenko, said in a statement: "The water came faster than anyone expected. Our crews are working through the night and every family will be housed. We will find out who ignored the warnings."',
  'Rescue crews in boats pulled dozens of elderly residents from the roofs of flooded houses in Mykilske.',
  'Officials did not give a figure for the damage. The investigation is continuing.',
].join('\n\n');
const HERALD = [
  'Villagers waded through waist-deep water in Mykilske on Monday after an old irrigation dam gave way and flooded three villages, our correspondent saw.',
  '"The water came faster than anyone expected. Our crews are working through the night and every family will be housed. We will find out who ignored the warnings," the regional governor, Oleh Marchenko, said in a statement.',
  'At a school turned into a shelter, volunteers handed out blankets and bread.',
  'Officials did not give a figure for the damage. The investigation is continuing.',
].join('\n\n');

test('demo text reuse › two outlets quoting the same statement remain two origins', async () => {
  const { tx, state } = createMemoryCorpus();
  const flood = (articleId: string, outlet: string, text: string, lead: RegExp) => {
    const base = strike(articleId, outlet, text, lead, []);
    const event = base.events[0]!;
    return { ...base, events: [{ ...event, observation: { ...event.observation, ploverType: 'OTHER', trigger: 'flooded', targetIds: ['loc:mykilske'], counts: {}, timeValue: '2024-11-04' } }] };
  };
  await linkArticle(tx, flood('tidewater', 'Tidewater Press', TIDEWATER, /Floodwater from a breached/));
  await linkArticle(tx, flood('herald', 'Steppe Herald', HERALD, /Villagers waded/));
  assert.equal(state.textReuse.length, 0, 'no text-reuse link');
  assert.equal(state.events.size, 1);
  assert.equal([...state.events.values()][0]!.status, 'corroborated');
});

// Two outlets' own stories of one grounding, both ending with the operator's stock "About" paragraph (three
// sentences, copied from its press release): the link they share is that paragraph, not their leads.
const ABOUT = 'Harbour Line operates 14 passenger and freight routes between the mainland and the northern islands. The company was founded in 1962 and carries about 1.8 million passengers a year. Harbour Line is owned by the regional transport authority and three island municipalities.';
const COASTAL = [
  'A Harbour Line ferry carrying 240 passengers ran aground off Kessel Point on Tuesday, the operator said.',
  'Coastguard boats took the passengers ashore in small groups over four hours, and nobody was hurt.',
  'The captain told our reporter that thick fog had rolled in minutes before the ship struck a sandbank.',
  'Tugs are expected to try to refloat the vessel at high tide on Wednesday morning.',
  ABOUT,
].join('\n\n');
const GAZETTE = [
  'A Harbour Line ferry carrying 240 passengers and 30 cars ran aground off Kessel Point early on Tuesday, the company said.',
  'Islanders waiting at the Kessel quay said they had watched the ship list slowly to one side as the tide went out.',
  'The regional transport authority has asked the maritime safety board to investigate the grounding.',
  'Ferry services to the northern islands were cancelled for the rest of the day.',
  ABOUT,
].join('\n\n');

test('demo text reuse › two outlets sharing only a stock paragraph remain two origins', async () => {
  const { tx, state } = createMemoryCorpus();
  const grounding = (articleId: string, outlet: string, text: string) => {
    const base = strike(articleId, outlet, text, /A Harbour Line ferry/, []);
    const event = base.events[0]!;
    return { ...base, events: [{ ...event, observation: { ...event.observation, ploverType: 'OTHER', trigger: 'ran aground', targetIds: ['org:harbour line'], counts: {}, timeValue: '2024-11-05', place: undefined } }] };
  };
  await linkArticle(tx, grounding('coastal', 'Coastal Times', COASTAL));
  await linkArticle(tx, grounding('gazette', 'Island Gazette', GAZETTE));
  assert.equal(state.textReuse.length, 2, 'the stock paragraph links them');
  assert.ok(state.textReuse.every((l) => l.passages.every((p) => p.span.start > 0)), 'their leads are not aligned');
  assert.equal(state.events.size, 1);
  assert.equal([...state.events.values()][0]!.status, 'corroborated');
});
