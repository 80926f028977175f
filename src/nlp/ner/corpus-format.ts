/**
 * Parsers for the NER corpora the model trains and is evaluated on (text in, documents out; no I/O):
 * CoNLL-2003 (`idx token IOB2`, `-DOCSTART-` between documents), Universal NER (`idx token IOB2 - annotator`,
 * `# newdoc id` comments), and the two-column `token IOB2` sets, one sentence per document: WNUT-17 and the
 * Broad Twitter Corpus (tweets) and CrossNER politics (Wikipedia sentences).
 */

/** One gold sentence: tokens and IOB2 tags with CoNLL types (PER, ORG, LOC, MISC). */
export interface GoldSentence {
  readonly words: readonly string[];
  readonly tags: readonly string[];
}

/** A gold document: the unit of document-level consistency. */
export interface GoldDocument {
  readonly id: string;
  readonly sentences: readonly GoldSentence[];
}

/** Supported corpus formats. */
export type CorpusFormat = 'conll2003' | 'uner' | 'wnut17' | 'btc' | 'crossner';

/**
 * How to map the types that are not CoNLL's MISC (UNER `OTH`, WNUT creative-work/product): to MISC, to O, or
 * `OTH` (for training with partial labels: MISC or nothing). CrossNER's election/event/misc are real MISC.
 */
export interface ParseOptions {
  readonly otherAs: 'MISC' | 'O' | 'OTH';
}

/** A corpus type mapped to CoNLL's, or OTHER for a class that is neither O nor CoNLL's MISC. */
type MappedType = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'OTHER';

/**
 * Type maps of the corpora whose classes are not CoNLL's. WNUT-17 products and creative works ("iPhone",
 * "Star Wars") are OTHER, as UNER's OTH is; CrossNER's elections and events are MISC, as CoNLL's events are.
 */
export const TYPE_MAPS: Readonly<Record<CorpusFormat, Readonly<Record<string, MappedType>>>> = {
  conll2003: { PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' },
  uner: { PER: 'PER', ORG: 'ORG', LOC: 'LOC', OTH: 'OTHER' },
  btc: { PER: 'PER', ORG: 'ORG', LOC: 'LOC' },
  wnut17: { person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG', 'creative-work': 'OTHER', product: 'OTHER' },
  crossner: {
    politician: 'PER',
    person: 'PER',
    politicalparty: 'ORG',
    organisation: 'ORG',
    country: 'LOC',
    location: 'LOC',
    election: 'MISC',
    event: 'MISC',
    misc: 'MISC',
  },
};

/** The two-column formats: one sentence (tweet or Wikipedia sentence) per document. */
const isTwoColumn = (format: CorpusFormat): boolean => format === 'wnut17' || format === 'btc' || format === 'crossner';

/** Parses a corpus file's text into documents. */
export function parseCorpus(text: string, format: CorpusFormat, options: ParseOptions = { otherAs: 'O' }): GoldDocument[] {
  const docs: GoldDocument[] = [];
  let sentences: GoldSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let docId = `${format}-0`;
  const endSentence = (): void => {
    if (words.length > 0) sentences.push({ words, tags });
    words = [];
    tags = [];
    if (isTwoColumn(format)) endDoc(`${format}-${docs.length + 1}`);
  };
  const endDoc = (nextId: string): void => {
    if (words.length > 0) {
      sentences.push({ words, tags });
      words = [];
      tags = [];
    }
    if (sentences.length > 0) docs.push({ id: docId, sentences });
    sentences = [];
    docId = nextId;
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.startsWith('#')) {
      const doc = /^# newdoc id = (.+)$/.exec(line);
      if (doc?.[1] && format === 'uner') endDoc(doc[1]);
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const cols = line.split('\t');
    const word = isTwoColumn(format) ? cols[0] : cols[1];
    const tag = isTwoColumn(format) ? cols[1] : cols[2];
    if (word === undefined || tag === undefined) continue;
    if (word === '-DOCSTART-') {
      endDoc(`${format}-${docs.length + 1}`);
      continue;
    }
    const mapped = mapTag(tag.trim(), format, options);
    // BTC splits "@handle" into "@" and "handle", each tagged B-: join them back into the one token a tweet has.
    if (format === 'btc' && words[words.length - 1] === '@' && word !== '@') {
      words[words.length - 1] = '@' + word;
      if (tags[tags.length - 1] === 'O') tags[tags.length - 1] = mapped;
      continue;
    }
    words.push(word);
    tags.push(mapped);
  }
  endDoc('');
  return docs;
}

function mapTag(tag: string, format: CorpusFormat, options: ParseOptions): string {
  if (tag === 'O' || tag.length < 3 || tag.charAt(1) !== '-') return 'O';
  const prefix = tag.slice(0, 2);
  const type = TYPE_MAPS[format][tag.slice(2)];
  if (type === undefined) return 'O';
  if (type !== 'OTHER') return prefix + type;
  if (options.otherAs === 'O') return 'O';
  return prefix + options.otherAs;
}
