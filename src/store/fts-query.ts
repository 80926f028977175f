/**
 * Turns what a user types into a safe full-text query: each word or "quoted phrase" becomes a quoted
 * term (so FTS syntax characters in input never raise a syntax error); a trailing * keeps prefix search.
 */
export function toFtsQuery(input: string): string {
  const terms: string[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1]) {
      const phrase = m[1].replace(/[^\p{L}\p{N}\s'-]/gu, ' ').trim();
      if (phrase) terms.push(`"${phrase}"`);
      continue;
    }
    const raw = m[2]!;
    const isPrefix = raw.endsWith('*');
    const word = raw.replace(/[^\p{L}\p{N}'-]/gu, '');
    if (!word) continue;
    if (/^(AND|OR|NOT)$/.test(word)) {
      terms.push(word);
      continue;
    }
    terms.push(`"${word.replace(/"/g, '')}"${isPrefix ? '*' : ''}`);
  }
  while (terms.length && /^(AND|OR|NOT)$/.test(terms[terms.length - 1]!)) terms.pop();
  while (terms.length && /^(AND|OR|NOT)$/.test(terms[0]!)) terms.shift();
  return terms.join(' ');
}
