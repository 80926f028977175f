/**
 * CAMEO → PLOVER 2.0 mapping. The table itself is a hand-edited data file
 * (src/data/cameo-plover.txt, written by us after consulting the PLOVER project's 2021 conversion
 * table); this module parses it and resolves a CAMEO code by longest prefix.
 */

/** The 16 PLOVER 2.0 event types. */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** What a CAMEO code means in PLOVER: type, optional mode, contexts. */
export interface PloverCoding {
  readonly type: PloverType;
  readonly mode?: string;
  readonly contexts: readonly string[];
}

/** A parsed CAMEO → PLOVER table: code → coding, or null for codes PLOVER drops (CAMEO 01). */
export type CameoPloverTable = ReadonlyMap<string, PloverCoding | null>;

/** Thrown when the mapping file has a line it cannot read; names the line. */
export class CameoPloverTableError extends Error {
  constructor(readonly lineNo: number, readonly line: string) {
    super(`cameo-plover table line ${lineNo}: cannot read "${line}"`);
    this.name = 'CameoPloverTableError';
  }
}

/**
 * Parses `CODE  TYPE  [mode]  [context,context]` lines ('-' for an empty field, `DROP` for no PLOVER type).
 * @example parseCameoPloverTable('19  ASSAULT  -  military').get('19')?.type // 'ASSAULT'
 */
export function parseCameoPloverTable(text: string): CameoPloverTable {
  const table = new Map<string, PloverCoding | null>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [code, type, mode, contexts] = line.split(/\s+/);
    if (!code || !type || !/^\d{2,4}$/.test(code)) throw new CameoPloverTableError(i + 1, raw);
    if (type === 'DROP') {
      table.set(code, null);
      return;
    }
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) throw new CameoPloverTableError(i + 1, raw);
    table.set(code, {
      type: type as PloverType,
      ...(mode && mode !== '-' ? { mode } : {}),
      contexts: contexts && contexts !== '-' ? contexts.split(',').filter(Boolean) : [],
    });
  });
  return table;
}

/**
 * The PLOVER coding of a CAMEO code by longest known prefix ('1721' → '1721', else '172', else '17');
 * undefined when PLOVER drops it or the code is unknown. Letter suffixes ('174K') are ignored.
 * @example ploverForCameo(table, '195')?.mode // 'air'
 */
export function ploverForCameo(table: CameoPloverTable, cameo: string): PloverCoding | undefined {
  const digits = cameo.replace(/[^0-9]/g, '');
  for (let len = digits.length; len >= 2; len--) {
    const hit = table.get(digits.slice(0, len));
    if (hit === null) return undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** The CAMEO root (first two digits) of a code. */
export function cameoRoot(code: string): string {
  return code.replace(/[^0-9]/g, '').slice(0, 2);
}

/**
 * The CAMEO "intent" code for a planned event, as PLOVER codes commitments: a planned cooperative act
 * (CAMEO 04–08) is an AGREE (03x), a planned hostile act (CAMEO 14, 16–20) a THREATEN (13x). Other codes
 * (including a planned deployment, 15) come back unchanged.
 * @example intentCode('042') // '036'
 * @example intentCode('190') // '138'
 */
export function intentCode(cameo: string): string {
  const root = cameoRoot(cameo);
  const sub = cameo.replace(/[^0-9]/g, '').slice(0, 3);
  switch (root) {
    case '04': return '036';
    case '05': return '032';
    case '06': return '031';
    case '07': return sub === '071' ? '0331' : sub === '072' ? '0332' : sub === '073' ? '0333' : sub === '074' ? '0334' : '033';
    case '08': return '035';
    case '14': return '133';
    case '16': return sub === '163' ? '1312' : sub === '161' ? '1313' : '131';
    case '17': return sub === '172' ? '132' : '131';
    case '18': case '19': case '20': return '138';
    default: return cameo;
  }
}
