/**
 * Turns what a user types into a safe SQLite FTS5 query. Each word or "quoted phrase" becomes a quoted term (so FTS
 * syntax characters in input never raise a syntax error); a trailing * keeps prefix search. The operators AND, OR
 * and NOT are read the way ./postgres/ts-query.ts reads them (AND implied, OR between alternatives, NOT excludes
 * the next term), and any sequence of them — `OR OR`, `a AND OR NOT b`, a dangling `NOT` — becomes a query FTS5
 * accepts: the output is always `(t t …) NOT t … OR (…)`, never an operator next to an operator.
 */

/** One searchable term: a quoted FTS5 string, optionally a prefix. */
interface Term {
  readonly fts: string;
  readonly isNegated: boolean;
}

/** The characters kept inside a term; the rest separate words (so `title:aleppo` is the phrase "title aleppo"). */
const NOT_TERM_CHAR = /[^\p{L}\p{N}\p{M}'-]+/gu;

/**
 * The FTS5 MATCH expression for `input`, or '' when nothing searchable is left.
 * @example toFtsQuery('aleppo AND NOT homs') // '("aleppo") NOT "homs"'
 */
export function toFtsQuery(input: string): string {
  const groups: Term[][] = [[]];
  let isNegated = false;
  const current = () => groups[groups.length - 1]!;
  const add = (fts: string) => {
    current().push({ fts, isNegated });
    isNegated = false;
  };
  const re = /"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[2] === undefined) {
      // A quoted phrase (an unclosed quote runs to the end of the input).
      const phrase = (m[1] ?? '').replace(NOT_TERM_CHAR, ' ').trim();
      if (/[\p{L}\p{N}]/u.test(phrase)) add(`"${phrase}"`);
      continue;
    }
    const raw = m[2];
    if (raw === 'OR') {
      if (current().length) groups.push([]);
      isNegated = false;
      continue;
    }
    if (raw === 'AND') continue;
    if (raw === 'NOT') {
      // "NOT x" with nothing before it would match almost everything (FTS5 rejects it): the NOT is ignored.
      isNegated = current().some((t) => !t.isNegated);
      continue;
    }
    const isPrefix = raw.endsWith('*');
    const words = raw.replace(NOT_TERM_CHAR, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(words)) continue;
    add(`"${words}"${isPrefix ? '*' : ''}`);
  }
  return groups
    .map((group) => {
      const positive = group.filter((t) => !t.isNegated).map((t) => t.fts);
      const negative = group.filter((t) => t.isNegated).map((t) => t.fts);
      return positive.length ? `(${positive.join(' ')})${negative.map((n) => ` NOT ${n}`).join('')}` : '';
    })
    .filter(Boolean)
    .join(' OR ');
}
