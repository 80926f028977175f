/**
 * One fixed colour per PLOVER event type, so a type keeps its colour on every page and no two types share one
 * (before, colours went by order of appearance and repeated after ten: ACCUSE and COOPERATE both red). Drawn from
 * the Okabe–Ito and Paul Tol palettes, designed to stay apart under the common colour-vision deficiencies; conflict
 * types take warm and dark tones, cooperation cool ones. Sixteen colours cannot all stay distinct for every reader,
 * so the type is also written in each mark's label and in the legend.
 */
export const PLOVER_COLOURS: Readonly<Record<string, string>> = {
  ASSAULT: '#D55E00', COERCE: '#882255', MOBILIZE: '#E69F00', SANCTION: '#AA4499', THREATEN: '#CC6677', PROTEST: '#F0E442',
  ACCUSE: '#999933', REJECT: '#DDCC77', RETREAT: '#332288', CONCEDE: '#88CCEE', REQUEST: '#56B4E9', CONSULT: '#0072B2',
  SUPPORT: '#44AA99', COOPERATE: '#117733', AGREE: '#009E73', AID: '#CC79A7',
};

/** The colour of a type not in PLOVER 2.0's sixteen. */
export const OTHER_TYPE_COLOUR = '#6B7280';

/** A type's colour. */
export function ploverColour(type: string): string {
  return PLOVER_COLOURS[type] ?? OTHER_TYPE_COLOUR;
}
