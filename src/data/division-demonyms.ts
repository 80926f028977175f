/**
 * What the people of a US state or Canadian province are called ("Iowans", "a Texan", "Ontarians"), for a
 * location mention written that way: the division it stands for, as a nationality word stands for its country.
 * Ours (common English usage). Left out where the word is first something else: "Georgian" (the country's), "New
 * Yorker" (mostly the city's), "Washingtonian" (the capital's), "Hawaiian" and "Québécois" (peoples and languages),
 * "Hoosier" and "Sooner" (nicknames).
 */

/** Demonyms (singular) by division, with the division's country. */
const DEMONYMS: readonly (readonly [division: string, country: 'US' | 'CA', demonyms: readonly string[]])[] = [
  ['Alabama', 'US', ['Alabamian', 'Alabaman']], ['Alaska', 'US', ['Alaskan']], ['Arizona', 'US', ['Arizonan']],
  ['Arkansas', 'US', ['Arkansan']], ['California', 'US', ['Californian']], ['Colorado', 'US', ['Coloradan']],
  ['Delaware', 'US', ['Delawarean']], ['Florida', 'US', ['Floridian']], ['Idaho', 'US', ['Idahoan']],
  ['Illinois', 'US', ['Illinoisan']], ['Indiana', 'US', ['Indianan']], ['Iowa', 'US', ['Iowan']], ['Kansas', 'US', ['Kansan']],
  ['Kentucky', 'US', ['Kentuckian']], ['Louisiana', 'US', ['Louisianan', 'Louisianian']], ['Maine', 'US', ['Mainer']],
  ['Maryland', 'US', ['Marylander']], ['Michigan', 'US', ['Michigander', 'Michiganian']], ['Minnesota', 'US', ['Minnesotan']],
  ['Mississippi', 'US', ['Mississippian']], ['Missouri', 'US', ['Missourian']], ['Montana', 'US', ['Montanan']],
  ['Nebraska', 'US', ['Nebraskan']], ['Nevada', 'US', ['Nevadan']], ['New Hampshire', 'US', ['New Hampshirite']],
  ['New Jersey', 'US', ['New Jerseyan', 'New Jerseyite']], ['New Mexico', 'US', ['New Mexican']],
  ['North Carolina', 'US', ['North Carolinian']], ['North Dakota', 'US', ['North Dakotan']], ['Ohio', 'US', ['Ohioan']],
  ['Oklahoma', 'US', ['Oklahoman']], ['Oregon', 'US', ['Oregonian']], ['Pennsylvania', 'US', ['Pennsylvanian']],
  ['Rhode Island', 'US', ['Rhode Islander']], ['South Carolina', 'US', ['South Carolinian']], ['South Dakota', 'US', ['South Dakotan']],
  ['Tennessee', 'US', ['Tennessean']], ['Texas', 'US', ['Texan']], ['Utah', 'US', ['Utahn', 'Utahan']], ['Vermont', 'US', ['Vermonter']],
  ['Virginia', 'US', ['Virginian']], ['West Virginia', 'US', ['West Virginian']], ['Wisconsin', 'US', ['Wisconsinite']],
  ['Wyoming', 'US', ['Wyomingite']],
  ['Alberta', 'CA', ['Albertan']], ['British Columbia', 'CA', ['British Columbian']], ['Manitoba', 'CA', ['Manitoban']],
  ['New Brunswick', 'CA', ['New Brunswicker']], ['Newfoundland and Labrador', 'CA', ['Newfoundlander']], ['Nova Scotia', 'CA', ['Nova Scotian']],
  ['Ontario', 'CA', ['Ontarian']], ['Quebec', 'CA', ['Quebecer', 'Quebecker']], ['Saskatchewan', 'CA', ['Saskatchewanian']],
];

/** A division a demonym names. */
export interface DivisionOfDemonym {
  readonly division: string;
  readonly countryCode: 'US' | 'CA';
}

const byDemonym = new Map<string, DivisionOfDemonym>();
for (const [division, countryCode, demonyms] of DEMONYMS) {
  for (const d of demonyms) for (const form of [d, `${d}s`]) byDemonym.set(form.toLowerCase(), { division, countryCode });
}

/**
 * The US state or Canadian province whose people a word names, singular or plural, as written (any case).
 * @example divisionByDemonym('Iowans') // { division: 'Iowa', countryCode: 'US' }
 */
export function divisionByDemonym(word: string): DivisionOfDemonym | undefined {
  return byDemonym.get(word.trim().replace(/\s+/g, ' ').toLowerCase());
}
