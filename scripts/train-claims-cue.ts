/**
 * `npm run train:claims-cue [-- --cache DIR]`: trains the claims stage's cue model (src/stages/claims/cue-model.ts) on
 * PolNeAR train (../shared/data/attribution/polnear/train) and writes models/claims/cue-en.json.
 *
 * The first 200 train articles (by name) are held out: never trained on, they are the check that the model
 * generalises (the claims rules were tuned on them earlier, so they are not read for this model either); dev is for
 * choosing settings. Each article goes through the pipeline's own tokenize, sentences and parse stages. Candidates are
 * what the stage scores: verbs outside the reporting-verb lexicon whose arcs give a subject and a content. A candidate
 * is a cue when it lies inside a gold cue span whose relation's content overlaps the content its arcs give (a cue the
 * stage would turn into a wrong content is not taught as one). Deterministic: same data + settings → same file.
 * `--cache DIR` keeps each article's parse as JSON in DIR, so a retraining after a feature change skips the parser.
 * Prints candidate precision/recall at the threshold on the held-out train articles and on dev; last line JSON.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { createDoc, type DependencyTable, type Sentence, type Span, type TokenTable } from '../src/model/index.js';
import { loadNlpResources } from '../src/app/nlp-models.js';
import { loadClaimsLexicon } from '../src/app/claims-lexicon.js';
import { createResources, runStages } from '../src/pipeline/index.js';
import { createTokenize } from '../src/stages/tokenize/index.js';
import { createSentences } from '../src/stages/sentences/index.js';
import { createParse } from '../src/stages/parse/index.js';
import { complementKind, cueFeatures, parseView, scoreCue, speechArcs, trainCueModel, type CueModel, type CueTrainSettings } from '../src/stages/claims/index.js';
import { hasPolnearSplit, polnearFiles, readPolnearArticle, type PolnearArticle } from '../eval/lib/polnear.js';

const OUT = fileURLToPath(new URL('../models/claims/cue-en.json', import.meta.url));
/** Articles of train (first by name) never trained on: the generalisation check. */
const HELD_OUT_TRAIN = 200;
const VERB = 16; // UPOS_TAGS.indexOf('VERB')

const program = new Command()
  .option('--cache <dir>', 'keep parses as JSON here (faster retraining)')
  .option('--threshold <p>', 'decision threshold on the probability', '0.5')
  .option('--l2 <x>', 'L2 strength', '0.0005')
  .option('--epochs <n>', 'passes over the data', '8')
  .option('--min-count <n>', 'minimum candidates a feature must occur in', '2')
  .option('--seed <n>', 'shuffle seed', '13')
  .option('--dry-run', 'do not write the model file');
program.parse();
const opts = program.opts<{ cache?: string; threshold: string; l2: string; epochs: string; minCount: string; seed: string; dryRun?: boolean }>();
const SETTINGS: CueTrainSettings = { l2: Number(opts.l2), epochs: Number(opts.epochs), rate: 0.1, minCount: Number(opts.minCount), threshold: Number(opts.threshold), seed: Number(opts.seed) };

if (!hasPolnearSplit('train')) {
  console.log('train:claims-cue skipped: PolNeAR not found (the shared data is only on the team\'s machines)');
  process.exit(0);
}

interface Parsed {
  readonly tokens: TokenTable;
  readonly deps: DependencyTable;
  readonly sentences: readonly Sentence[];
}

const stages = [createTokenize(), createSentences(), createParse()];
const resources = createResources(loadNlpResources());

/** The article's tokens, sentences and parse, from the cache when there. */
function parse(split: string, a: PolnearArticle): Parsed {
  const file = opts.cache ? `${opts.cache}/${split}-${a.article}.json` : undefined;
  if (file && existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8')) as { start: number[]; end: number[]; pos: number[]; lemma: number[]; lemmas: string[]; xpos?: string[]; head: number[]; label: number[]; sentences: Sentence[] };
    const n = c.start.length;
    return {
      tokens: { length: n, start: Uint32Array.from(c.start), end: Uint32Array.from(c.end), pos: Uint8Array.from(c.pos), flags: new Uint8Array(n), lemma: Uint32Array.from(c.lemma), lemmas: c.lemmas, ...(c.xpos ? { xpos: c.xpos } : {}) },
      deps: { length: n, head: Int32Array.from(c.head), label: Uint8Array.from(c.label) },
      sentences: c.sentences,
    };
  }
  const doc = createDoc({ text: a.text, meta: { source: a.article, format: 'text', language: 'en' } });
  const { doc: p } = runStages(doc, stages, { publishedAt: undefined, resources });
  const out = { tokens: p.layers.tokens!, deps: p.layers.deps!, sentences: p.layers.sentences! };
  if (file) {
    mkdirSync(opts.cache!, { recursive: true });
    const t = out.tokens;
    writeFileSync(file, JSON.stringify({ start: [...t.start], end: [...t.end], pos: [...t.pos], lemma: [...t.lemma], lemmas: t.lemmas, xpos: t.xpos, head: [...out.deps.head], label: [...out.deps.label], sentences: out.sentences }));
  }
  return out;
}

const lexicon = loadClaimsLexicon();
const overlap = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Every candidate of one article with its features and label. */
function candidates(split: string, a: PolnearArticle): { features: string[]; isCue: boolean }[] {
  const { tokens, deps } = parse(split, a);
  const view = parseView(a.text, tokens, deps);
  const out: { features: string[]; isCue: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.pos[i] !== VERB) continue;
    if (lexicon.verbForms.has(a.text.slice(tokens.start[i], tokens.end[i]).toLowerCase().replace(/’/g, "'"))) continue;
    const arcs = speechArcs(view, i);
    if (!arcs.subject || !arcs.content || !complementKind(view, i)) continue;
    const cue = { start: tokens.start[i]!, end: tokens.end[i]! };
    const isCue = a.gold.some((g) => g.cue !== undefined && overlap(g.cue, cue) && overlap(g.content, arcs.content!));
    out.push({ features: cueFeatures(view, i, arcs), isCue });
  }
  return out;
}

const began = performance.now();
const trainFiles = [...polnearFiles('train')];
const heldOut = trainFiles.slice(0, HELD_OUT_TRAIN).flatMap(([article, file]) => candidates('train', readPolnearArticle('train', article, file)));
const training = trainFiles.slice(HELD_OUT_TRAIN).flatMap(([article, file]) => candidates('train', readPolnearArticle('train', article, file)));
const dev = [...polnearFiles('dev')].flatMap(([article, file]) => candidates('dev', readPolnearArticle('dev', article, file)));
const model = trainCueModel(training, SETTINGS);

/** Precision and recall of the model's decisions on candidates. */
function check(model: CueModel, set: readonly { features: string[]; isCue: boolean }[]): { p: number; r: number; candidates: number; cues: number } {
  let tp = 0;
  let predicted = 0;
  const gold = set.filter((e) => e.isCue).length;
  for (const e of set) {
    if (scoreCue(model, e.features) < model.threshold) continue;
    predicted++;
    if (e.isCue) tp++;
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return { p: round(predicted ? tp / predicted : 0), r: round(gold ? tp / gold : 0), candidates: set.length, cues: gold };
}
const held = check(model, heldOut);
const onDev = check(model, dev);
console.log(`train: ${training.length} candidates (${training.filter((e) => e.isCue).length} cues) from ${trainFiles.length - HELD_OUT_TRAIN} articles; ${Object.keys(model.weights).length} weights`);
console.log(`held-out train (first ${HELD_OUT_TRAIN} articles): P ${held.p} R ${held.r} of ${held.cues} cues among ${held.candidates} candidates`);
console.log(`dev: P ${onDev.p} R ${onDev.r} of ${onDev.cues} cues among ${onDev.candidates} candidates`);
if (!opts.dryRun) {
  mkdirSync(fileURLToPath(new URL('../models/claims/', import.meta.url)), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify({ ...model, settings: SETTINGS }, null, 1)}\n`);
  console.log(`wrote ${OUT}`);
}
console.log(JSON.stringify({ train: 'claims-cue', heldOutP: held.p, heldOutR: held.r, devP: onDev.p, devR: onDev.r, weights: Object.keys(model.weights).length, settings: SETTINGS, elapsedMs: Math.round(performance.now() - began) }));
