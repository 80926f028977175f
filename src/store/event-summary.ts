/**
 * The summary sentence of a merged event, read in SQL as "<start>:<end>:<body up to end>". Evidence offsets count
 * UTF-16 code units (JavaScript strings) while SQL's substr counts characters, so slicing in SQL cut one letter
 * per emoji or other astral character before the sentence ("eople love this brewer"). SQL returns the body's
 * first `end` characters (at least `end` code units) and JavaScript slices it.
 */

/** The SQL expression packing an observation's offsets and body prefix (`o` observations, `a` articles). */
export const PACKED_SUMMARY_SQL = `o.evidence_start || ':' || o.evidence_end || ':' || substr(a.body, 1, o.evidence_end)`;

/**
 * The sentence out of a packed value, whitespace collapsed; '' for none.
 * @example summaryFromPacked('3:8:📷 Fire.') // 'Fire.'
 */
export function summaryFromPacked(packed: unknown): string {
  if (typeof packed !== 'string') return '';
  const match = /^(\d+):(\d+):/.exec(packed);
  if (!match) return '';
  const body = packed.slice(match[0].length);
  return body.slice(Number(match[1]), Number(match[2])).replace(/\s+/g, ' ').trim();
}
