/**
 * `npm run eval:claims` — attribution on PolNeAR (../shared/data/attribution/polnear/, brat standoff):
 * precision/recall/F1 of attribution relations (source + content), of content spans, of cue spans and of
 * source spans, each with exact and overlap matching, on the dev split (or `--split train`).
 *
 * Input to the stage: sentences from src/nlp (tokenizeText + splitSentences) and mentions from a simple
 * capitalised-span heuristic (runs of capitalised words), so the figures measure the claims rules, not NER.
 * Two dev articles carry six annotators' files each; we score the first annotator's file (by name) only.
 * Exact = same offsets after trimming whitespace and , . ; : at both ends; overlap = at least one shared character.
 * Headline figures are printed last, as one JSON line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDoc, type Mention, type Sentence, type Span } from '../src/model/index.js';
import { tokenizeText } from '../src/nlp/tokenize-text.js';
import { splitSentences } from '../src/nlp/split-sentences.js';
import { extractClaims, type ClaimRecord } from '../src/stages/claims/index.js';
import { loadClaimsCueModel, loadClaimsLexicon } from '../src/app/claims-lexicon.js';
import { loadNlpResources } from '../src/app/nlp-models.js';
import { createResources, runStages } from '../src/pipeline/index.js';
import { createTokenize } from '../src/stages/tokenize/index.js';
import { createSentences } from '../src/stages/sentences/index.js';
import { createParse } from '../src/stages/parse/index.js';
import { hasPolnearSplit, POLNEAR_ROOT, polnearFiles, readPolnearArticle, type Relation } from './lib/polnear.js';

const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] ?? 'dev' : 'dev';
const verbose = process.argv.includes('--verbose');
const limit = process.argv.includes('--limit') ? Number(process.argv[process.argv.indexOf('--limit') + 1]) : Infinity;
/** `--no-parse`: the rules alone (sentences from src/nlp, no deps layer), as the stage runs when the parser is absent. */
const useParse = !process.argv.includes('--no-parse');
/** `--no-cue-model`: the lexicon's cues only, without the learned cue model (models/claims/cue-en.json). */
const useCueModel = !process.argv.includes('--no-cue-model');

interface NestedLabel {
  readonly article: string;
  readonly source: Span;
  readonly cue: Span;
}

/** Hand-labelled nested attributions of a split (`eval/claims/polnear-<split>-nested.tsv`), or none. */
function loadNestedLabels(split: string): NestedLabel[] {
  const file = fileURLToPath(new URL(`./claims/polnear-${split}-nested.tsv`, import.meta.url));
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [article, ss, se, cs, ce] = line.split('\t');
      return { article: article!, source: { start: Number(ss), end: Number(se) }, cue: { start: Number(cs), end: Number(ce) } };
    });
}

function sentencesOf(text: string): Sentence[] {
  const toks = tokenizeText(text);
  const starts = splitSentences(text, toks);
  const out: Sentence[] = [];
  let first = 0;
  for (let i = 1; i <= toks.length; i++) {
    if (i === toks.length || starts[i]) {
      if (i > first) out.push({ start: toks.start[first]!, end: toks.end[i - 1]!, tokenStart: first, tokenEnd: i });
      first = i;
    }
  }
  return out;
}

const ORG_WORDS = /\b(?:Party|Committee|Department|Campaign|News|Times|Post|Journal|Foundation|Institute|University|Association|Council|Commission|Agency|Bureau|Service|House|Senate|Congress|Court|Inc|Corp|Company|Group|Network|Press|Reuters|CNN|FBI|CIA|NATO|GOP|DNC|RNC)\b/;
const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'And', 'In', 'On', 'At', 'As', 'If', 'This', 'That', 'Those', 'These', 'His', 'Her', 'Their', 'Its', 'Our', 'When', 'While', 'After', 'Before', 'For', 'So', 'Yet', 'Mr', 'Mrs', 'Ms', 'Dr']);

/** Mentions from runs of capitalised words; ORG when an organisation word is inside, PER otherwise. */
function heuristicMentions(text: string): Mention[] {
  const out: Mention[] = [];
  const re = /\p{Lu}[\p{L}’'.-]*(?:\s+(?:of\s+the\s+|of\s+|&\s+)?\p{Lu}[\p{L}’'.-]*)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let surface = m[0];
    const firstWord = surface.split(/\s+/)[0]!;
    if (FUNCTION_WORDS.has(firstWord.replace(/\.$/, ''))) {
      const rest = surface.slice(firstWord.length).trimStart();
      if (!rest) continue;
      start += surface.length - rest.length;
      surface = rest;
    }
    surface = surface.replace(/[’']s$/, '').replace(/\.$/, '');
    out.push({ id: `m${out.length + 1}`, text: surface, type: ORG_WORDS.test(surface) ? 'ORG' : 'PER', start, end: start + surface.length, tokenStart: 0, tokenEnd: 0, origin: 'rule' });
  }
  return out;
}

function norm(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,.;:]/.test(text[start]!)) start++;
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}

const exact = (text: string) => (a: Span, b: Span): boolean => {
  const x = norm(text, a);
  const y = norm(text, b);
  return x.start === y.start && x.end === y.end;
};
const overlap = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

function score<P, G>(predicted: readonly P[], gold: readonly G[], match: (p: P, g: G) => boolean): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const gi = gold.findIndex((g, i) => !used.has(i) && match(p, g));
    if (gi >= 0) {
      used.add(gi);
      tp++;
    }
  }
  return { tp, predicted: predicted.length, gold: gold.length };
}

function add(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.predicted += c.predicted;
  into.gold += c.gold;
}

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.predicted ? c.tp / c.predicted : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p: round(p), r: round(r), f1: round(f1) };
}

const round = (x: number): number => Math.round(x * 1000) / 10;

function main(): void {
  if (!hasPolnearSplit(split)) {
    console.log(`eval:claims skipped: PolNeAR not found at ${POLNEAR_ROOT}${split}/ (it lives in ../shared/data/attribution/polnear/ on development machines)`);
    process.exit(0);
  }
  const lexicon = loadClaimsLexicon();
  const cueModel = useCueModel ? loadClaimsCueModel() : undefined;
  const parseStages = useParse ? { stages: [createTokenize(), createSentences(), createParse()], resources: createResources(loadNlpResources()) } : undefined;
  const byArticle = new Map([...polnearFiles(split)].slice(0, limit));
  const keys = ['relation', 'relationAll', 'content', 'source', 'cue', 'quoteContent'] as const;
  const nestedLabels = loadNestedLabels(split);
  const labelled = { total: 0, innerFound: 0, chainFound: 0 };
  let innerSkipped = 0;
  const totals = Object.fromEntries(keys.flatMap((k) => [[`${k}.exact`, { tp: 0, predicted: 0, gold: 0 }], [`${k}.overlap`, { tp: 0, predicted: 0, gold: 0 }]])) as Record<string, Counts>;
  const stances: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  let claimsTotal = 0;
  // Nested attribution: a gold relation whose source (or, without a source, cue) lies inside a content fragment of
  // another gold relation with a different source ("Reuters reported that [officials] told state TV that …"). Found
  // when a claim matches its content and speaker (overlap) and carries an outer link overlapping the enclosing
  // relation's source. A quote broken by its own attribution is two fragments, so its speaker is not nested in it.
  const nested = { gold: 0, found: 0, multiLinkClaims: 0 };
  const began = performance.now();
  for (const [article, file] of byArticle) {
    const { text, gold } = readPolnearArticle(split, article, file);
    const doc = createDoc({ text, meta: { source: article, format: 'text', language: 'en' } });
    // With the parser: tokens (with UPOS), sentences and deps from the pipeline's own stages.
    const layers = parseStages
      ? (() => {
          const { doc: parsed } = runStages(doc, parseStages.stages, { publishedAt: undefined, resources: parseStages.resources });
          return { tokens: parsed.layers.tokens!, sentences: parsed.layers.sentences!, deps: parsed.layers.deps! };
        })()
      : { sentences: sentencesOf(text) };
    const claims = extractClaims({ ...doc, layers: { ...layers, mentions: heuristicMentions(text) } }, lexicon, cueModel);
    claimsTotal += claims.length;
    // PolNeAR annotates the outermost attribution only (guidelines, "No nested attributions"): a claim of ours whose cue
    // lies inside another claim's content ("She said [she hopes …]") is part of that claim there, not a relation.
    const isNestedInner = (c: ClaimRecord): boolean => c.cue !== undefined && claims.some((o) => o !== c && o.contentParts.some((p) => p.start <= c.cue!.start && c.cue!.end <= p.end));
    const toPredicted = (c: ClaimRecord): { content: Span; cue: Span | undefined; source: Span | undefined; isDirect: boolean } => {
      const speaker = c.cueSourceIndex >= 0 ? c.chain[c.cueSourceIndex] : undefined;
      return { content: c.content, cue: c.cue, source: speaker?.span, isDirect: c.isDirectQuote };
    };
    const allPredicted = claims.map(toPredicted);
    innerSkipped += claims.filter(isNestedInner).length;
    for (const c of claims) {
      stances[c.stance] = (stances[c.stance] ?? 0) + 1;
      for (const link of c.chain) kinds[link.kind] = (kinds[link.kind] ?? 0) + 1;
    }
    const predicted = claims.filter((c) => !isNestedInner(c)).map(toPredicted);
    nested.multiLinkClaims += claims.filter((c) => c.chain.length > 1).length;
    const sourceText = (r: Relation): string => (r.source ? text.slice(r.source.start, r.source.end).toLowerCase() : '');
    for (const g of gold) {
      const anchor = g.source ?? g.cue;
      if (!anchor) continue;
      const outer = gold.filter((o) => o !== g && o.source && sourceText(o) !== sourceText(g) && o.contentParts.some((p) => p.start <= anchor.start && anchor.end <= p.end));
      if (outer.length === 0) continue;
      nested.gold++;
      const hit = claims.some((c) => {
        if (c.chain.length < 2 || !overlap(c.content, g.content)) return false;
        const speaker = c.cueSourceIndex >= 0 ? c.chain[c.cueSourceIndex] : undefined;
        if (g.source && !(speaker?.span && overlap(speaker.span, g.source))) return false;
        const outerLinks = c.chain.slice(0, Math.max(0, c.cueSourceIndex));
        return outerLinks.some((l) => l.span && outer.some((o) => overlap(l.span!, o.source!)));
      });
      if (hit) nested.found++;
    }
    // Hand-labelled nesting (eval/claims/polnear-<split>-nested.tsv): the inner attribution is found when a claim has
    // its cue on the inner cue and its speaker on the inner source; as a chain when that claim also carries an outer
    // link overlapping the source of the gold relation whose content holds the inner cue.
    for (const n of nestedLabels.filter((l) => l.article === article)) {
      labelled.total++;
      const inner = claims.find((c) => {
        const speaker = c.cueSourceIndex >= 0 ? c.chain[c.cueSourceIndex] : undefined;
        return c.cue !== undefined && overlap(c.cue, n.cue) && speaker?.span !== undefined && overlap(speaker.span, n.source);
      });
      const label = `[${text.slice(n.source.start, n.source.end)}] [${text.slice(n.cue.start, n.cue.end)}] in «${text.slice(Math.max(0, n.source.start - 80), n.cue.end + 60).replace(/\s+/g, ' ')}»`;
      if (!inner) {
        if (verbose) console.log(`NEST-MISS ${article}: ${label}`);
        continue;
      }
      labelled.innerFound++;
      const outerSources = gold.filter((o) => o.source && o.contentParts.some((p) => p.start <= n.cue.start && n.cue.end <= p.end)).map((o) => o.source!);
      const outerLinks = inner.chain.slice(0, Math.max(0, inner.cueSourceIndex));
      if (outerLinks.some((l) => l.span && outerSources.some((o) => overlap(l.span!, o)))) labelled.chainFound++;
      else if (verbose) console.log(`NEST-FLAT ${article}: ${label}; our chain [${inner.chain.map((l) => (l.span ? text.slice(l.span.start, l.span.end) : l.name)).join(' <- ')}]`);
    }
    const ex = exact(text);
    const sourceMatch = (eq: (a: Span, b: Span) => boolean) => (p: { source?: Span | undefined }, g: Relation): boolean =>
      p.source && g.source ? eq(p.source, g.source) : !p.source && !g.source;
    for (const [mode, eq] of [['exact', ex], ['overlap', overlap]] as const) {
      add(totals[`relation.${mode}`]!, score(predicted, gold, (p, g) => eq(p.content, g.content) && sourceMatch(eq)(p, g)));
      add(totals[`relationAll.${mode}`]!, score(allPredicted, gold, (p, g) => eq(p.content, g.content) && sourceMatch(eq)(p, g)));
      add(totals[`content.${mode}`]!, score(predicted, gold, (p, g) => eq(p.content, g.content)));
      add(totals[`source.${mode}`]!, score(predicted.filter((p) => p.source), gold.filter((g) => g.source), (p, g) => eq(p.source!, g.source!)));
      add(totals[`cue.${mode}`]!, score(predicted.filter((p) => p.cue), gold.filter((g) => g.cue), (p, g) => eq(p.cue!, g.cue!)));
      const goldQuotes = gold.filter((g) => /^(?:["“]|''|``)/.test(text.slice(g.content.start, g.content.end)));
      add(totals[`quoteContent.${mode}`]!, score(predicted.filter((p) => p.isDirect), goldQuotes, (p, g) => eq(p.content, g.content)));
    }
    if (verbose) {
      for (const g of gold) {
        const hit = predicted.some((p) => overlap(p.content, g.content) && sourceMatch(overlap)(p, g));
        if (!hit) console.log(`MISS ${article}: [${g.source ? text.slice(g.source.start, g.source.end) : '-'}] [${g.cue ? text.slice(g.cue.start, g.cue.end) : '-'}] ${text.slice(g.content.start, g.content.end).slice(0, 100)}`);
      }
      for (const p of predicted) {
        const near = gold.find((g) => overlap(p.content, g.content) && !ex(p.content, g.content));
        if (near && !gold.some((g) => ex(p.content, g.content))) {
          console.log(`EDGE ${article}: gold «${text.slice(near.content.start, near.content.end).slice(0, 90)}» ours «${text.slice(p.content.start, p.content.end).slice(0, 90)}»`);
          // Where the two spans part: text only ours has (+) or only gold has (-), at the start and at the end.
          const a = norm(text, p.content);
          const b = norm(text, near.content);
          const side = (x: number, y: number): string => (x === y ? '=' : `${x < y ? '+' : '-'}«${text.slice(Math.min(x, y), Math.max(x, y)).replace(/\s+/g, ' ').slice(0, 60)}»`);
          console.log(`EDGEDIFF start ${side(a.start, b.start)} end ${a.end === b.end ? '=' : `${a.end > b.end ? '+' : '-'}«${text.slice(Math.min(a.end, b.end), Math.max(a.end, b.end)).replace(/\s+/g, ' ').slice(0, 60)}»`}`);
        }
        const srcNear = gold.find((g) => ex(p.content, g.content) && !sourceMatch(ex)(p, g));
        if (srcNear && !gold.some((g) => ex(p.content, g.content) && sourceMatch(ex)(p, g))) console.log(`SRC  ${article}: gold [${srcNear.source ? text.slice(srcNear.source.start, srcNear.source.end) : '-'}] ours [${p.source ? text.slice(p.source.start, p.source.end) : '-'}]`);
        const hit = gold.some((g) => overlap(p.content, g.content) && sourceMatch(overlap)(p, g));
        if (!hit) console.log(`FP   ${article}: [${p.source ? text.slice(p.source.start, p.source.end) : '-'}] [${p.cue ? text.slice(p.cue.start, p.cue.end) : '-'}] ${text.slice(p.content.start, p.content.end).slice(0, 100)}`);
      }
    }
  }
  const elapsedMs = performance.now() - began;
  const goldCount = totals['relation.exact']!.gold;
  console.log(`PolNeAR ${split}: ${byArticle.size} articles, ${goldCount} gold attributions, ${claimsTotal} claims found (${Math.round(elapsedMs)} ms, ${useParse ? 'with the parser: tokenize + sentences + parse stages' : 'rules only, no deps layer'})`);
  console.log('measure        match     P      R      F1');
  for (const k of keys) {
    for (const mode of ['exact', 'overlap']) {
      const r = prf(totals[`${k}.${mode}`]!);
      console.log(`${k.padEnd(14)} ${mode.padEnd(8)} ${String(r.p).padStart(5)}  ${String(r.r).padStart(5)}  ${String(r.f1).padStart(5)}`);
    }
  }
  console.log('relation = content and source both match (a gold relation without a source needs a claim without a speaker);');
  console.log('quoteContent = our direct quotes against gold contents that open with a quotation mark.');
  console.log('References: BBC Citron on PARC 3.0, quote spans: 56.7 F1 exact, 83.2 F1 overlap (different corpus and test split; not directly comparable).');
  console.log(`nested attributions (gold source/cue inside a content fragment of a relation with another source): ${nested.gold}; found as a multi-link chain: ${nested.found}${nested.gold ? '' : ' (share undefined: no gold nesting in this split; PolNeAR rarely annotates it)'}; our claims with more than one link: ${nested.multiLinkClaims}`);
  console.log(`relation = our outermost claims (PolNeAR annotates no nested attribution; ${innerSkipped} inner claims set aside); relationAll = every claim scored`);
  if (labelled.total) console.log(`nested attributions labelled by hand in gold contents (eval/claims/polnear-${split}-nested.tsv): ${labelled.total}; inner claim found: ${labelled.innerFound}; found as a multi-link chain under the gold outer source: ${labelled.chainFound}`);
  console.log(`stances: ${JSON.stringify(stances)}  source kinds in chains: ${JSON.stringify(kinds)}`);
  const headline = {
    eval: 'claims',
    split,
    parser: useParse,
    cueModel: useCueModel,
    articles: byArticle.size,
    gold: goldCount,
    relationF1Exact: prf(totals['relation.exact']!).f1,
    relationF1Overlap: prf(totals['relation.overlap']!).f1,
    contentF1Exact: prf(totals['content.exact']!).f1,
    contentF1Overlap: prf(totals['content.overlap']!).f1,
    sourceF1Exact: prf(totals['source.exact']!).f1,
    sourceF1Overlap: prf(totals['source.overlap']!).f1,
    cueF1Exact: prf(totals['cue.exact']!).f1,
    cueF1Overlap: prf(totals['cue.overlap']!).f1,
    quoteContentF1Exact: prf(totals['quoteContent.exact']!).f1,
    quoteContentF1Overlap: prf(totals['quoteContent.overlap']!).f1,
    relationF1ExactAllClaims: prf(totals['relationAll.exact']!).f1,
    relationF1OverlapAllClaims: prf(totals['relationAll.overlap']!).f1,
    innerClaimsSetAside: innerSkipped,
    nestedGold: nested.gold,
    nestedChainRecall: nested.gold ? round(nested.found / nested.gold) : null,
    nestedLabelled: labelled.total || null,
    nestedInnerFound: labelled.total ? round(labelled.innerFound / labelled.total) : null,
    nestedChainShare: labelled.total ? round(labelled.chainFound / labelled.total) : null,
    citronQuoteF1: { exact: 56.7, overlap: 83.2 },
  };
  console.log(JSON.stringify(headline));
}

main();
