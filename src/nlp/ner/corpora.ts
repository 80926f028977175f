/**
 * The NER corpora under ../shared/data/ner/ that training and evaluation read, with the types each one is
 * scored on. Files are named here only; the scripts read them (no I/O in this module).
 */
import type { MentionType } from '../../model/index.js';
import type { CorpusFormat } from './corpus-format.js';

/** One corpus: its format, train and dev files (relative to data/ner/) and the types its gold covers. */
export interface NerCorpus {
  /** Short name used by `train:ner --mix`. */
  readonly name: string;
  /** Name of the dev set in eval output (`data` of the JSON line). */
  readonly devName: string;
  readonly format: CorpusFormat;
  readonly trainFile: string;
  readonly devFile: string;
  /**
   * Types scored: gold and predicted entities of other types are ignored. Sets without a MISC that means
   * CoNLL's MISC (UNER's OTH, WNUT's products and works) are scored on PER/ORG/LOC.
   */
  readonly types: readonly MentionType[];
}

const ALL: readonly MentionType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const NO_MISC: readonly MentionType[] = ['PER', 'ORG', 'LOC'];

/** Every corpus, in the order eval reports them. See corpus-format.ts TYPE_MAPS for the type mapping. */
export const NER_CORPORA: readonly NerCorpus[] = [
  { name: 'conll', devName: 'conll2003/dev', format: 'conll2003', trainFile: 'conll2003/train.conllu', devFile: 'conll2003/dev.conllu', types: ALL },
  { name: 'uner', devName: 'uner-ewt/dev', format: 'uner', trainFile: 'uner-ewt/train.iob2', devFile: 'uner-ewt/dev.iob2', types: NO_MISC },
  { name: 'btc', devName: 'btc/dev', format: 'btc', trainFile: 'btc/train.conll', devFile: 'btc/dev.conll', types: NO_MISC },
  { name: 'crossner', devName: 'crossner-politics/dev', format: 'crossner', trainFile: 'crossner-politics/train.txt', devFile: 'crossner-politics/dev.txt', types: ALL },
  { name: 'wnut', devName: 'wnut17/dev', format: 'wnut17', trainFile: 'wnut17/train.conll', devFile: 'wnut17/dev.conll', types: NO_MISC },
];

/** The corpus of a `--mix` name, or undefined. */
export function nerCorpus(name: string): NerCorpus | undefined {
  return NER_CORPORA.find((c) => c.name === name);
}
