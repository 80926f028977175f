/**
 * Actors the store knows only by a CAMEO actor code (ids `code:SYRMIL`, `code:---REB`: a country or `---`, then
 * role codes). Both event tables name and classify them from the code instead of printing the id.
 */
import { countryByCode } from '../data/countries.js';

/** A code-only actor: its code without the unknown-country dashes, its country and its role codes. */
export interface CameoActor {
  /** The code as GDELT writes it: 'SYRMIL', or 'REB' when the country is unknown. */
  readonly code: string;
  /** ISO alpha-3 of its country, '' when unknown. */
  readonly country: string;
  /** Role codes, three letters each ('MIL', 'REB'). */
  readonly roles: readonly string[];
}

/** Plain-English names of CAMEO role codes. */
export const CAMEO_ROLE_NAMES: Readonly<Record<string, string>> = {
  GOV: 'government', MIL: 'military', COP: 'police', SPY: 'intelligence services', JUD: 'judiciary', LEG: 'legislature',
  REB: 'rebels', INS: 'insurgents', SEP: 'separatists', UAF: 'armed gang', CRM: 'criminals', OPP: 'opposition',
  CVL: 'civilians', REF: 'refugees', LAB: 'workers', EDU: 'students and teachers', HLH: 'health workers', MED: 'media',
  BUS: 'business', REL: 'religious leaders', AGR: 'farmers', ELI: 'elites', HRI: 'rights activists', ENV: 'environmentalists',
  NGO: 'non-governmental organisation', IGO: 'intergovernmental organisation',
};

/** The CAMEO actor behind a `code:` id, or undefined for an entity id. */
export function cameoActor(id: string): CameoActor | undefined {
  const m = /^code:(---|[A-Z]{3})((?:[A-Z]{3})*)$/.exec(id);
  if (!m) return undefined;
  const country = m[1] !== '---' && countryByCode(m[1]!) ? m[1]! : '';
  const roles = m[2]!.match(/[A-Z]{3}/g) ?? [];
  // Codes such as IGOUNO or IMGREB start with a role, not a country.
  const lead = m[1] !== '---' && !country ? [m[1]!] : [];
  return { code: `${country}${[...lead, ...roles].join('')}`, country, roles: [...lead, ...roles] };
}

/** A readable name: 'Syria military', 'rebels'. */
export function cameoActorName(actor: CameoActor): string {
  const role = actor.roles.map((r) => CAMEO_ROLE_NAMES[r] ?? r).join(' ');
  const country = actor.country ? countryByCode(actor.country)?.name ?? actor.country : '';
  return [country, role].filter(Boolean).join(' ') || actor.code;
}
