/**
 * FollowTheMoney entities (the model of OCCRP Aleph), one JSON object per line: {id, schema, properties},
 * every property a list of strings. People → Person; governments, militaries and states → PublicBody;
 * outlets and companies → Company; other organisations → Organization; merged events → Event with the
 * actors as `involved`. Provenance: each article is an Article, linked to every entity and event it mentions by a
 * Documentation entity, so Aleph users keep the evidence. Countries are lower-case ISO alpha-2 (FtM's country type);
 * the schemata and properties used are listed in src/data/ftm-schema.ts.
 */
import { countryByCode } from '../data/countries.js';
import type { CanonicalEntity, EntityDetail, MergedEventDetail } from '../store/store.js';

export interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Readonly<Record<string, readonly string[]>>;
}

/** An article as the FtM export needs it. */
export interface FtmArticle {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly url: string | null;
  /** Where it was read from (a file path), named when it has no title or URL. */
  readonly source?: string;
}

const SCHEMA_BY_KIND: Readonly<Record<string, string>> = {
  person: 'Person',
  state: 'PublicBody',
  government: 'PublicBody',
  'military-unit': 'PublicBody',
  'media-outlet': 'Company',
  company: 'Company',
  'armed-group': 'Organization',
  party: 'Organization',
  organisation: 'Organization',
};

/** FtM ids: a stable prefix plus our canonical id, safe as a URL path segment. */
export function ftmId(prefix: string, id: string): string {
  return `dossier-${prefix}-${id.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

/** FtM's country type: a lower-case ISO alpha-2 code of a known country, or nothing. */
function ftmCountry(code: string | null | undefined): string[] {
  const country = code ? countryByCode(code) : undefined;
  return country && code!.length === 2 ? [country.alpha2.toLowerCase()] : [];
}

/** FtM's date type: an ISO 8601 prefix without a zone (2024, 2024-03, 2024-03-05, 2024-03-05T10:15:00). */
function ftmDate(value: string | null | undefined): string[] {
  const m = value ? /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?/.exec(value) : null;
  return m ? [m[0]] : [];
}

function clean(properties: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v.length));
}

/** An entity as FtM, or undefined for places, nationalities and other kinds FtM models differently. */
export function entityToFtm(entity: CanonicalEntity | EntityDetail): FtmEntity | undefined {
  const schema = SCHEMA_BY_KIND[entity.kind];
  if (!schema) return undefined;
  const properties: Record<string, string[]> = { name: [entity.name] };
  if ('aliases' in entity) properties['alias'] = entity.aliases.map((a) => a.alias).filter((a) => a !== entity.name);
  properties[schema === 'Person' ? 'nationality' : 'country'] = ftmCountry(entity.country);
  if ('roles' in entity && schema === 'Person') properties['position'] = [...new Set(entity.roles.map((r) => (r.organisation ? `${r.title}, ${r.organisation}` : r.title)))];
  return { id: ftmId('entity', entity.id), schema, properties: clean(properties) };
}

/** A merged event as an FtM Event, its actors as `involved` (only those in `exported`, when given, so no link dangles). */
export function eventToFtm(event: MergedEventDetail, exported?: ReadonlySet<string>): FtmEntity {
  const involved = event.actors.map((a) => ftmId('entity', a.id)).filter((id) => !exported || exported.has(id));
  const properties: Record<string, string[]> = {
    name: [`${event.ploverType}: ${event.summary.slice(0, 120)}`],
    startDate: ftmDate(event.windowStart),
    endDate: ftmDate(event.windowEnd),
    summary: [event.explanation],
    description: [event.summary],
    involved: [...new Set(involved)],
    publisher: [...new Set(event.observations.map((o) => o.outlet).filter((o): o is string => Boolean(o)))],
  };
  if (event.datePrecision === 'day') properties['date'] = ftmDate(event.windowStart);
  if (event.place) properties['location'] = [event.place.name];
  properties['country'] = ftmCountry(event.place?.countryCode);
  return { id: ftmId('event', event.id), schema: 'Event', properties: clean(properties) };
}

/** An article as an FtM Article (title, outlet, publication date, URL). */
export function articleToFtm(article: FtmArticle): FtmEntity {
  const title = article.title ?? article.url ?? article.source ?? article.id;
  return {
    id: ftmId('article', article.id), schema: 'Article',
    properties: clean({
      name: [title], title: [title], publisher: article.outlet ? [article.outlet] : [], publishedAt: ftmDate(article.publishedAt),
      sourceUrl: article.url && /^https?:\/\//.test(article.url) ? [article.url] : [],
    }),
  };
}

/** The Documentation entity linking an article to an entity or event it mentions, with the sentence when known. */
export function documentationToFtm(articleId: string, target: FtmEntity, role: string, sentence?: string): FtmEntity {
  return {
    id: ftmId('doc', `${articleId}-${target.id}`), schema: 'Documentation',
    properties: clean({ document: [ftmId('article', articleId)], entity: [target.id], role: [role], summary: sentence ? [sentence] : [] }),
  };
}

/**
 * The whole FtM export: entities, events, the articles that mention them and a Documentation link for each
 * mention. Articles missing from `articles` get no Article entity and no links (nothing points nowhere).
 */
export function toFtmEntities(entities: readonly EntityDetail[], events: readonly MergedEventDetail[], articles: ReadonlyMap<string, FtmArticle>): FtmEntity[] {
  const out: FtmEntity[] = [];
  const links: FtmEntity[] = [];
  const cited = new Set<string>();
  const cite = (articleId: string, target: FtmEntity, role: string, sentence?: string) => {
    if (!articles.has(articleId)) return;
    cited.add(articleId);
    links.push(documentationToFtm(articleId, target, role, sentence));
  };
  for (const entity of entities) {
    const ftm = entityToFtm(entity);
    if (!ftm) continue;
    out.push(ftm);
    for (const a of entity.articles) cite(a.articleId, ftm, 'mentions');
  }
  const exported = new Set(out.map((e) => e.id));
  for (const event of events) {
    const ftm = eventToFtm(event, exported);
    out.push(ftm);
    for (const o of event.observations) cite(o.articleId, ftm, 'reports', o.evidence.text);
  }
  for (const id of [...cited].sort()) out.push(articleToFtm(articles.get(id)!));
  const seen = new Set<string>();
  return [...out, ...links.filter((l) => !seen.has(l.id) && seen.add(l.id))];
}
