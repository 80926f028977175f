/**
 * Turns what a user types into a tsquery SQL expression with bound parameters, the PostgreSQL twin of
 * ../fts-query.ts: each word or "quoted phrase" is a phrase query over plain text (so tsquery syntax
 * characters such as & | ! ( ) : in input never raise a syntax error), `word*` is a prefix query,
 * AND is implied, OR separates alternatives, NOT excludes the next term.
 */

/** A tsquery expression (`$n` placeholders) and the values it binds, in order. */
export interface TsQuerySql {
  readonly sql: string;
  readonly params: readonly string[];
}

/**
 * Builds the tsquery for `input`; undefined when nothing searchable is left.
 * @example toTsQuerySql('"armed group" OR milit*', 1)
 * // sql: "(phraseto_tsquery('simple', $1)) || (to_tsquery('simple', $2))", params: ['armed group', 'milit:*']
 */
export function toTsQuerySql(input: string, firstParam = 1): TsQuerySql | undefined {
  const params: string[] = [];
  const bind = (value: string): string => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const groups: string[][] = [[]];
  let isNegated = false;
  const add = (expr: string) => {
    groups[groups.length - 1]!.push(isNegated ? `(!!${expr})` : expr);
    isNegated = false;
  };

  const re = /"([^"]+)"|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1]) {
      const phrase = m[1].replace(/[^\p{L}\p{N}\s'-]/gu, ' ').trim();
      if (phrase) add(`phraseto_tsquery('simple', ${bind(phrase)})`);
      continue;
    }
    const raw = m[2]!;
    const word = raw.replace(/[^\p{L}\p{N}'-]/gu, '');
    if (!word) continue;
    if (word === 'OR') {
      if (groups[groups.length - 1]!.length) groups.push([]);
      isNegated = false;
      continue;
    }
    if (word === 'AND') continue;
    if (word === 'NOT') {
      // "NOT x" with nothing before it would match almost everything; FTS5 rejects it, we ignore the NOT.
      isNegated = groups[groups.length - 1]!.length > 0;
      continue;
    }
    if (!raw.endsWith('*')) {
      add(`phraseto_tsquery('simple', ${bind(word)})`);
      continue;
    }
    // "al-shab*": the parts before the last are a phrase, the last one a prefix ('shab':*).
    const parts = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!parts.length) continue;
    const prefix = `to_tsquery('simple', ${bind(`${parts[parts.length - 1]!}:*`)})`;
    add(parts.length === 1 ? prefix : `tsquery_phrase(phraseto_tsquery('simple', ${bind(parts.slice(0, -1).join(' '))}), ${prefix})`);
  }
  const nonEmpty = groups.filter((g) => g.length > 0);
  if (!nonEmpty.length) return undefined;
  return { sql: nonEmpty.map((g) => `(${g.join(' && ')})`).join(' || '), params };
}
