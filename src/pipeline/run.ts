/**
 * The one runner. It checks each stage's declared inputs, runs it, freezes and attaches the layer,
 * times it, and wraps any throw into a StageError naming the stage and the document.
 */
import { DossierError, StageError, type Doc, type LayerName, type Layers } from '../model/index.js';
import type { Stage, StageContext } from './stage.js';

/** Elapsed milliseconds per stage name for one document. */
export type StageTimings = Record<string, number>;

export interface RunResult {
  readonly doc: Doc;
  readonly timingsMs: StageTimings;
}

/** Checks at composition time that every stage's requirements are assigned by an earlier stage. */
export function checkPipeline(stages: readonly Stage[], provided: readonly LayerName[] = []): void {
  const have = new Set<LayerName>(provided);
  for (const stage of stages) {
    const missing = stage.requires.filter((layer) => !have.has(layer));
    if (missing.length > 0) {
      throw new DossierError('E_STAGE_MISSING_LAYER', `stage "${stage.name}" requires ${missing.map((m) => `"${m}"`).join(', ')}, which no earlier stage assigns`);
    }
    have.add(stage.assigns);
  }
}

/** Runs the stages in order over one Doc; throws StageError on the first failure. */
export function runStages(doc: Doc, stages: readonly Stage[], ctx: StageContext, now: () => number = performance.now.bind(performance)): RunResult {
  let current = doc;
  const timingsMs: StageTimings = {};
  for (const stage of stages) {
    const missing = stage.requires.filter((layer) => current.layers[layer] === undefined);
    if (missing.length > 0) {
      throw new StageError(stage.name, doc.id, `missing layer(s) ${missing.join(', ')}`, 'E_STAGE_MISSING_LAYER');
    }
    const began = now();
    let output: Layers[LayerName];
    try {
      output = stage.run(current, ctx);
    } catch (cause) {
      throw new StageError(stage.name, doc.id, cause);
    }
    timingsMs[stage.name] = now() - began;
    current = { ...current, layers: { ...current.layers, [stage.assigns]: Object.freeze(output) } };
  }
  return { doc: current, timingsMs };
}
