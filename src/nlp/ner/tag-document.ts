/**
 * Document-level NER: tag each sentence, then make the document consistent (Ratinov & Roth 2009's
 * lesson that one name keeps one type within an article):
 *  1. the same surface string gets its majority type everywhere it was tagged;
 *  2. a surname or given name of a multi-word person ("Qassem Soleimani") is a person when it stands alone
 *     ("Soleimani said"), tagged or not, when the full name was found in running text, not in a title-case
 *     heading or button;
 *  3. an untagged capitalised repeat of a multi-word name tagged elsewhere gets that name's type;
 *  4. a "person" credited to a person ("Grave Empire by Richard Swan") is a work (MISC) wherever it recurs;
 *  5. a "person" with a possessive and no possessed noun where a business fits ("dinner at Cabo Bob's") is a
 *     shop or restaurant name, ORG over the clitic (shop-names.ts);
 *  6. a "person" named after a storm word ("Hurricane Rita") is the storm (MISC) wherever it recurs (storm-names.ts);
 *  7. a "person" or "place" the page lists as a product ("languages like Swift or Kotlin") is MISC wherever it
 *     recurs (kind-lists.ts);
 *  8. a "person" written as a place ("an orchard near Abu Ghraib") is a place (LOC) wherever it recurs, unless a
 *     mention shows a person (locative-names.ts).
 * First of all, per sentence: an organisation head, "of"/"for" and a name ("Housing Authority of New Orleans")
 * are one ORG (of-names.ts).
 * Before them, per sentence: an untagged nationality adjective the gazetteer is sure of ("on Syrian banks") is
 * MISC (nationality-words.ts).
 */
import type { MentionType } from '../../model/index.js';
import { isTitleCaseLine } from './features.js';
import { kindLists } from './kind-lists.js';
import { locativeNames } from './locative-names.js';
import { tagWords, type NerModel } from './model.js';
import { nationalityWords } from './nationality-words.js';
import { ofNames } from './of-names.js';
import { shopNames } from './shop-names.js';
import { stormNames } from './storm-names.js';
import { chunksFromBilou, type Chunk } from './tags.js';

/** Which consistency rules run (all by default); eval uses this to measure each one. */
export interface ConsistencyOptions {
  readonly majorityType: boolean;
  readonly personParts: boolean;
  readonly repeatNames: boolean;
  /** "Grave Empire by Richard Swan": a name right before "by" and a person is a work (MISC) everywhere. */
  readonly workTitles: boolean;
  /** "Ray's Pizza", "went to Geno's.": a possessive name with nothing possessed after it is a business (ORG). */
  readonly shopNames: boolean;
  /** "Hurricane Rita": a person named after a storm word is the storm (MISC) on every mention. */
  readonly stormNames: boolean;
  /** "languages like Swift or Kotlin": a person or place the page lists under a kind of product is MISC on every mention. */
  readonly kindLists: boolean;
  /** "an orchard near Abu Ghraib": a person written right after near/outside/"west of" is a place on every mention. */
  readonly locativeNames: boolean;
  /** "sanctions on Syrian banks": an untagged nationality adjective the gazetteer lists (and as no place) is MISC. */
  readonly nationalityWords: boolean;
  /** "Housing Authority of New Orleans": an organisation head, "of"/"for" and a name are one ORG (of-names.ts). */
  readonly ofNames: boolean;
}

/** All consistency rules on. */
export const DEFAULT_CONSISTENCY: ConsistencyOptions = { majorityType: true, personParts: true, repeatNames: true, workTitles: true, shopNames: true, stormNames: true, kindLists: true, locativeNames: true, nationalityWords: true, ofNames: true };

/** No document-level rule: each sentence as the tagger read it. */
export const NO_CONSISTENCY: ConsistencyOptions = { majorityType: false, personParts: false, repeatNames: false, workTitles: false, shopNames: false, stormNames: false, kindLists: false, locativeNames: false, nationalityWords: false, ofNames: false };

/** Entity chunks per sentence of a document. */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[], options: ConsistencyOptions = DEFAULT_CONSISTENCY): Chunk[][] {
  const chunks = sentences.map((words) => {
    const tagged = chunksFromBilou(tagWords(model, words));
    return options.nationalityWords ? [...nationalityWords(words, tagged, model.features.gazetteer)] : tagged;
  });
  return makeConsistent(sentences, chunks, options);
}

/** Applies the document-level rules to per-sentence chunks; returns new arrays. */
export function makeConsistent(sentences: readonly (readonly string[])[], chunks: readonly (readonly Chunk[])[], options: ConsistencyOptions = DEFAULT_CONSISTENCY): Chunk[][] {
  const surface = (s: number, c: Chunk): string => (sentences[s] ?? []).slice(c.start, c.end).join(' ');
  let result = chunks.map((list, s) => [...(options.ofNames ? ofNames(sentences[s] ?? [], list) : list)]);

  if (options.majorityType) {
    const votes = new Map<string, Map<MentionType, number>>();
    result.forEach((list, s) => {
      for (const c of list) {
        const key = surface(s, c);
        const byType = votes.get(key) ?? new Map<MentionType, number>();
        byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
        votes.set(key, byType);
      }
    });
    result = result.map((list, s) =>
      list.map((c) => {
        const byType = votes.get(surface(s, c));
        const best = byType ? majority(byType) : undefined;
        return best && best !== c.type ? { ...c, type: best } : c;
      }),
    );
  }

  // Before the person rules, so a shop's owner name ("Cabo Bob") lends no surname to the page's persons.
  if (options.shopNames) result = result.map((list, s) => [...shopNames(sentences[s] ?? [], list)]);
  if (options.stormNames) result = stormNames(sentences, result).map((list) => [...list]);
  if (options.kindLists) result = kindLists(sentences, result).map((list) => [...list]);
  if (options.locativeNames) result = locativeNames(sentences, result).map((list) => [...list]);

  if (options.workTitles) {
    // A book, song or film credited to its author ("Grave Empire by Richard Swan", "Bad Science by Ben
    // Goldacre"): in the training sets' gold no capitalised name right before "by" and a person is a person
    // (0 of 22), so the title, tagged PER or untagged (two or more capitalised words), is a work, and a PER
    // with the same surface anywhere in the page ("About Grave Empire", a heading) is MISC.
    const works = new Set<string>();
    result.forEach((list, s) => {
      const words = sentences[s] ?? [];
      for (const author of list) {
        const by = author.start - 1;
        if (author.type !== 'PER' || by < 1 || words[by] !== 'by') continue;
        const title = list.find((c) => c.end === by);
        if (title) {
          if (title.type === 'PER') works.add(surface(s, title));
          continue;
        }
        let start = by;
        while (start > 0 && isNameLike(words[start - 1] ?? '')) start--;
        if (by - start >= 2) works.add(words.slice(start, by).join(' '));
      }
    });
    if (works.size > 0) result = result.map((list, s) => list.map((c) => (c.type === 'PER' && works.has(surface(s, c)) ? { ...c, type: 'MISC' as const } : c)));
  }

  if (options.personParts || options.repeatNames) {
    // A heading or button ("Volterra Pros & Cons") capitalises every word, so a person read only there is weak
    // evidence: its parts do not turn a word the page tags alone as another type ("Volterra", the agency,
    // ORG in running text) into a person. Names from running text, and heading names whose parts are not
    // tagged otherwise (a list of names), still lend their parts.
    const headings = sentences.map((words) => isTitleCaseLine(words));
    const fromText = new Set<string>();
    const fromHeadings = new Set<string>();
    const taggedOther = new Set<string>();
    const multiWord = new Map<string, MentionType>();
    result.forEach((list, s) => {
      for (const c of list) {
        const words = (sentences[s] ?? []).slice(c.start, c.end);
        if (c.end - c.start >= 2) multiWord.set(words.join(' '), c.type);
        if (c.type !== 'PER' && words.length === 1) taggedOther.add(words[0]!);
        if (c.type === 'PER' && words.length >= 2) {
          const parts = headings[s] ? fromHeadings : fromText;
          const last = words[words.length - 1] ?? '';
          const first = words[0] ?? '';
          if (isNameLike(last)) parts.add(last);
          if (words.length === 2 && isNameLike(first)) parts.add(first);
        }
      }
    });
    const personParts = new Set(fromText);
    for (const part of fromHeadings) if (!taggedOther.has(part)) personParts.add(part);
    // Multi-word names split once and indexed by first word: a sentence only tries the names whose first
    // word it contains, in the names' original order (earlier names claim tokens first, as before).
    const names = [...multiWord].map(([name, type]) => ({ parts: name.split(' '), type }));
    const namesByFirst = new Map<string, number[]>();
    names.forEach((name, index) => {
      const list = namesByFirst.get(name.parts[0]!);
      if (list) list.push(index);
      else namesByFirst.set(name.parts[0]!, [index]);
    });
    result = result.map((list, s) => {
      const words = sentences[s] ?? [];
      const covered = new Uint8Array(words.length);
      for (const c of list) covered.fill(1, c.start, c.end);
      const out = list.map((c) => (options.personParts && c.end - c.start === 1 && c.type !== 'PER' && personParts.has(words[c.start] ?? '') ? { ...c, type: 'PER' as const } : c));
      if (options.repeatNames) {
        const candidates = new Set<number>();
        for (const word of words) for (const index of namesByFirst.get(word) ?? []) candidates.add(index);
        for (const index of [...candidates].sort((a, b) => a - b)) {
          const { parts, type } = names[index]!;
          for (let i = 0; i + parts.length <= words.length; i++) {
            if (covered[i] || words[i] !== parts[0] || !isNameLike(words[i] ?? '')) continue;
            let isMatch = true;
            for (let k = 1; k < parts.length && isMatch; k++) if (words[i + k] !== parts[k] || covered[i + k]) isMatch = false;
            if (!isMatch) continue;
            out.push({ start: i, end: i + parts.length, type });
            covered.fill(1, i, i + parts.length);
          }
        }
      }
      if (options.personParts) {
        for (let i = 0; i < words.length; i++) {
          if (covered[i] || !personParts.has(words[i] ?? '')) continue;
          out.push({ start: i, end: i + 1, type: 'PER' });
          covered[i] = 1;
        }
      }
      return out.sort((a, b) => a.start - b.start);
    });
  }
  return result;
}

/** Capitalised, not all capitals, at least two letters: "Soleimani", not "THE" or "a". */
function isNameLike(word: string): boolean {
  return word.length >= 2 && /^\p{Lu}\p{Ll}/u.test(word);
}

function majority(byType: ReadonlyMap<MentionType, number>): MentionType | undefined {
  let best: MentionType | undefined;
  let bestCount = 0;
  let isTie = false;
  for (const [type, count] of byType) {
    if (count > bestCount) {
      best = type;
      bestCount = count;
      isTie = false;
    } else if (count === bestCount) isTie = true;
  }
  return isTie ? undefined : best;
}
