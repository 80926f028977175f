import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countryByCode } from '../data/countries.js';
import { FTM_SCHEMATA, ftmIsA, ftmProperty } from '../data/ftm-schema.js';
import type { EntityDetail } from '../store/store.js';
import { toJsonLines } from './csv.js';
import { BEIJING_PROTEST, FIXTURE_ENTITIES, GENEVA_ATTACK } from './export-fixtures.js';
import { toFtmEntities, type FtmArticle, type FtmEntity } from './ftm.js';

function detail(id: string, articleIds: string[], extra: Partial<EntityDetail> = {}): EntityDetail {
  const base = FIXTURE_ENTITIES.find((e) => e.id === id)!;
  return {
    ...base, aliases: [{ alias: base.name, count: 2 }], roles: [], mentionsByOutlet: {}, articlesTotal: articleIds.length,
    articles: articleIds.map((articleId) => ({ articleId, title: null, outlet: null, publishedAt: null, mentionCount: 1, reason: 'exact name' })), ...extra,
  };
}

const ENTITIES: EntityDetail[] = [
  detail('e-cell', ['a-early', 'a-late'], { aliases: [{ alias: 'Rhône Cell', count: 2 }, { alias: 'the Rhone cell', count: 1 }] }),
  detail('e-guards', ['a-early']),
  detail('e-workers', ['a-bj']),
  { ...detail('e-guards', ['a-early']), id: 'e-envoy', name: 'Lena Marti', type: 'PER', kind: 'person', country: 'CH',
    roles: [{ title: 'consul', organisation: 'Swiss consulate', from: null, to: null, articleId: 'a-early', start: 0, end: 5 }] },
];

const ARTICLES = new Map<string, FtmArticle>([
  ['a-early', { id: 'a-early', title: 'Consulate attacked in Geneva', outlet: 'Alpine Wire', publishedAt: '2024-03-05T18:30:00Z', url: 'https://alpinewire.example/geneva-consulate' }],
  ['a-late', { id: 'a-late', title: 'Two guards dead after consulate raid', outlet: 'Lake Courier', publishedAt: '2024-03-06T08:00:00Z', url: 'https://lakecourier.example/2024/03/06/consulate' }],
  ['a-bj', { id: 'a-bj', title: null, outlet: 'Harbour Daily', publishedAt: '2024-04-12', url: null }],
]);

/** Checks one FtM entity against the checked-in schema list; returns what is wrong. */
function problems(entity: FtmEntity, byId: ReadonlyMap<string, FtmEntity>): string[] {
  const out: string[] = [];
  const schema = FTM_SCHEMATA[entity.schema];
  if (!schema) return [`${entity.id}: unknown schema ${entity.schema}`];
  if (schema.abstract) out.push(`${entity.id}: abstract schema ${entity.schema}`);
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(entity.id)) out.push(`bad id ${entity.id}`);
  for (const [name, values] of Object.entries(entity.properties)) {
    const prop = ftmProperty(entity.schema, name);
    if (!prop) { out.push(`${entity.id}: ${entity.schema} has no property ${name}`); continue; }
    if (!Array.isArray(values) || values.length === 0) out.push(`${entity.id}.${name}: not a non-empty list`);
    for (const v of values) {
      if (typeof v !== 'string' || !v.trim()) out.push(`${entity.id}.${name}: empty or non-string value`);
      else if (prop.type === 'country' && !(/^[a-z]{2}$/.test(v) && countryByCode(v))) out.push(`${entity.id}.${name}: ${v} is not a lower-case ISO alpha-2 code`);
      else if (prop.type === 'date' && !/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$/.test(v)) out.push(`${entity.id}.${name}: ${v} is not an FtM date`);
      else if (prop.type === 'url' && !/^https?:\/\/\S+$/.test(v)) out.push(`${entity.id}.${name}: ${v} is not a URL`);
      else if (prop.type === 'entity') {
        const target = byId.get(v);
        if (!target) out.push(`${entity.id}.${name}: ${v} points to no entity`);
        else if (!ftmIsA(target.schema, prop.range!)) out.push(`${entity.id}.${name}: ${target.schema} is not a ${prop.range}`);
      }
    }
  }
  return out;
}

function exported(): FtmEntity[] {
  const text = toJsonLines(toFtmEntities(ENTITIES, [GENEVA_ATTACK, BEIJING_PROTEST], ARTICLES));
  return text.trim().split('\n').map((line) => JSON.parse(line) as FtmEntity);
}

describe('export › FollowTheMoney', () => {
  test('every exported entity validates against the FtM schemata and properties we use', () => {
    const all = exported();
    const byId = new Map(all.map((e) => [e.id, e]));
    assert.equal(byId.size, all.length, 'ids are unique');
    assert.deepEqual(all.flatMap((e) => problems(e, byId)), []);
  });

  test('writes countries as lower-case ISO alpha-2: a Swiss person has nationality ch, a Beijing event country cn', () => {
    const all = exported();
    const envoy = all.find((e) => e.properties['name']?.[0] === 'Lena Marti')!;
    assert.equal(envoy.schema, 'Person');
    assert.deepEqual(envoy.properties['nationality'], ['ch']);
    assert.deepEqual(envoy.properties['position'], ['consul, Swiss consulate']);
    const beijing = all.find((e) => e.id === 'dossier-event-ev-beijing')!;
    assert.deepEqual(beijing.properties['country'], ['cn']);
  });

  test('links each entity and event to the articles that mention it, with the supporting sentence', () => {
    const all = exported();
    const docs = all.filter((e) => e.schema === 'Documentation');
    const cellDocs = docs.filter((d) => d.properties['entity']?.[0] === 'dossier-entity-e-cell').map((d) => d.properties['document']?.[0]).sort();
    assert.deepEqual(cellDocs, ['dossier-article-a-early', 'dossier-article-a-late']);
    const report = docs.find((d) => d.properties['entity']?.[0] === 'dossier-event-ev-geneva' && d.properties['document']?.[0] === 'dossier-article-a-early')!;
    assert.deepEqual(report.properties['summary'], ['a cell attacked the consulate in Geneva']);
    const article = all.find((e) => e.id === 'dossier-article-a-early')!;
    assert.equal(article.schema, 'Article');
    assert.deepEqual(article.properties['sourceUrl'], ['https://alpinewire.example/geneva-consulate']);
    assert.deepEqual(article.properties['publishedAt'], ['2024-03-05T18:30:00']);
  });

  test('leaves actors FtM does not model out of an event, so no reference dangles', () => {
    const all = exported();
    assert.equal(all.some((e) => e.properties['name']?.[0] === 'factory workers'), false, 'an "other" entity is not exported');
    const beijing = all.find((e) => e.id === 'dossier-event-ev-beijing')!;
    assert.equal(beijing.properties['involved'], undefined);
    const geneva = all.find((e) => e.id === 'dossier-event-ev-geneva')!;
    assert.deepEqual(geneva.properties['involved'], ['dossier-entity-e-cell', 'dossier-entity-e-guards']);
  });

  test('the validator catches an upper-case country, an unknown property and a dangling link', () => {
    const bad: FtmEntity = { id: 'x', schema: 'Event', properties: { country: ['CH'], colour: ['red'], involved: ['nobody'] } };
    assert.equal(problems(bad, new Map()).length, 3);
  });
});
