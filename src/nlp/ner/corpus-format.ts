/**
 * Parsers for the NER corpora the model trains and is evaluated on (text in, documents out; no I/O):
 * CoNLL-2003 (`idx token IOB2`, `-DOCSTART-` between documents), Universal NER (`idx token IOB2 - annotator`,
 * `# newdoc id` comments) and WNUT-17 (`token IOB2`, one tweet per sentence).
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
export type CorpusFormat = 'conll2003' | 'uner' | 'wnut17';

/**
 * How to map a corpus's extra types: UNER `OTH` and WNUT creative-work/product go to MISC, to O, or stay
 * `OTH` (for training with partial labels: MISC or nothing).
 */
export interface ParseOptions {
  readonly otherAs: 'MISC' | 'O' | 'OTH';
}

const WNUT_TYPES: Readonly<Record<string, string>> = { person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG', 'creative-work': 'MISC', product: 'MISC' };

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
    if (format === 'wnut17') endDoc(`${format}-${docs.length + 1}`);
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
    const word = format === 'wnut17' ? cols[0] : cols[1];
    const tag = format === 'wnut17' ? cols[1] : cols[2];
    if (word === undefined || tag === undefined) continue;
    if (word === '-DOCSTART-') {
      endDoc(`${format}-${docs.length + 1}`);
      continue;
    }
    words.push(word);
    tags.push(mapTag(tag.trim(), format, options));
  }
  endDoc('');
  return docs;
}

function mapTag(tag: string, format: CorpusFormat, options: ParseOptions): string {
  if (tag === 'O' || tag.length < 3) return 'O';
  const prefix = tag.slice(0, 2);
  let type = tag.slice(2);
  if (format === 'wnut17') type = WNUT_TYPES[type] ?? 'O';
  if (format === 'uner' && type === 'OTH') type = 'MISC';
  if (type === 'MISC' && format !== 'conll2003') {
    if (options.otherAs === 'O') return 'O';
    if (options.otherAs === 'OTH') return prefix + 'OTH';
  }
  if (type !== 'PER' && type !== 'ORG' && type !== 'LOC' && type !== 'MISC') return 'O';
  return prefix + type;
}
