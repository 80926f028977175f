/**
 * The FollowTheMoney schemata and properties Dossier's ftm.jsonl export uses, with each property's FtM type
 * (and, for entity references, the schema it must point to). Written by us from the public FtM model
 * (followthemoney.tech/explorer): a subset, enough to validate what we write, not the whole model.
 */
export type FtmType = 'name' | 'string' | 'text' | 'country' | 'date' | 'url' | 'address' | 'entity';

export interface FtmProperty {
  readonly type: FtmType;
  /** For entity references: the schema (or an ancestor of it) the referenced entity must have. */
  readonly range?: string;
}

export interface FtmSchema {
  readonly extends: readonly string[];
  /** Abstract schemata (Thing, LegalEntity, Interval…) cannot be given to an entity. */
  readonly abstract: boolean;
  readonly properties: Readonly<Record<string, FtmProperty>>;
}

/** The schemata we use and their ancestors, each with the properties we write. */
export const FTM_SCHEMATA: Readonly<Record<string, FtmSchema>> = {
  Thing: {
    extends: [], abstract: true,
    properties: {
      name: { type: 'name' }, alias: { type: 'name' }, country: { type: 'country' }, summary: { type: 'text' }, description: { type: 'text' },
      notes: { type: 'text' }, sourceUrl: { type: 'url' }, publisher: { type: 'string' },
    },
  },
  Interval: {
    extends: [], abstract: true,
    properties: { startDate: { type: 'date' }, endDate: { type: 'date' }, date: { type: 'date' }, summary: { type: 'text' }, sourceUrl: { type: 'url' }, publisher: { type: 'string' } },
  },
  Interstitial: { extends: ['Interval'], abstract: true, properties: { role: { type: 'string' } } },
  LegalEntity: { extends: ['Thing'], abstract: false, properties: { jurisdiction: { type: 'country' } } },
  Person: { extends: ['LegalEntity'], abstract: false, properties: { nationality: { type: 'country' }, position: { type: 'string' } } },
  Organization: { extends: ['LegalEntity'], abstract: false, properties: {} },
  Company: { extends: ['Organization'], abstract: false, properties: {} },
  PublicBody: { extends: ['Organization'], abstract: false, properties: {} },
  Event: {
    extends: ['Interval', 'Thing'], abstract: false,
    properties: { location: { type: 'address' }, involved: { type: 'entity', range: 'Thing' }, organizer: { type: 'entity', range: 'LegalEntity' } },
  },
  Document: { extends: ['Thing'], abstract: false, properties: { title: { type: 'string' }, author: { type: 'string' }, publishedAt: { type: 'date' } } },
  Article: { extends: ['Document'], abstract: false, properties: {} },
  Documentation: {
    extends: ['Interstitial'], abstract: false,
    properties: { document: { type: 'entity', range: 'Document' }, entity: { type: 'entity', range: 'Thing' } },
  },
};

/** True when `schema` is `ancestor` or inherits from it. */
export function ftmIsA(schema: string, ancestor: string): boolean {
  if (schema === ancestor) return true;
  return (FTM_SCHEMATA[schema]?.extends ?? []).some((parent) => ftmIsA(parent, ancestor));
}

/** A schema's property by name, looked up through its ancestors; undefined when the schema has no such property. */
export function ftmProperty(schema: string, name: string): FtmProperty | undefined {
  const own = FTM_SCHEMATA[schema];
  if (!own) return undefined;
  return own.properties[name] ?? own.extends.map((parent) => ftmProperty(parent, name)).find(Boolean);
}
