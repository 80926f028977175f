/**
 * The Stage interface: a pure function from a Doc (with the layers it requires) to one new layer.
 * Stages do no I/O, read no clock and keep no module state; what they need comes in the context.
 */
import { DossierError, type Doc, type LayerName, type Layers } from '../model/index.js';

/** Read-only resources (lexicons, model weights, gazetteers) loaded once by app/ and shared by stages. */
export interface Resources {
  get<T>(key: string): T;
  has(key: string): boolean;
}

/** What a stage may read besides the Doc. */
export interface StageContext {
  /** The reference time for relative expressions: the article's publication date, or undefined when unknown. */
  readonly publishedAt: string | undefined;
  readonly resources: Resources;
}

export interface Stage<K extends LayerName = LayerName> {
  /** One name used everywhere: folder, config key, --skip flag, golden file name. */
  readonly name: string;
  /** Bump when output changes; stored with every row the stage produced. */
  readonly version: number;
  readonly requires: readonly LayerName[];
  readonly assigns: K;
  /** Same (doc, ctx) gives the same output. */
  run(doc: Doc, ctx: StageContext): Layers[K];
}

/** Declares a stage; the identity function exists so TypeScript infers K from `assigns`. */
export function defineStage<K extends LayerName>(stage: Stage<K>): Stage<K> {
  return Object.freeze(stage);
}

/** A Resources map from plain entries; `get` throws a typed error naming a missing key. */
export function createResources(entries: Record<string, unknown> = {}): Resources {
  const map = new Map(Object.entries(entries));
  return {
    get<T>(key: string): T {
      if (!map.has(key)) throw new DossierError('E_RESOURCE_MISSING', `resource "${key}" was not loaded`);
      return map.get(key) as T;
    },
    has: (key) => map.has(key),
  };
}
