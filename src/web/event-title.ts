/**
 * A short title for a merged event, built from its fields rather than its sentence: actor, action, target, then
 * place and date ("Tigris Guardians Brigade attacked Baghdad airport guards — Baghdad, Sun 10 Nov 2024").
 */
import { humanDate } from './human-time.js';

/** What a title is made of (a MergedEventDetail has all of it). */
export interface TitleFields {
  readonly ploverType: string;
  readonly actors: readonly { readonly name: string; readonly role: 'source' | 'target' }[];
  readonly place: { readonly name: string } | null;
  readonly windowStart: string;
  readonly windowEnd: string;
}

/** Per PLOVER type: the verb with an actor, in the past tense so it agrees with any subject ("X attacked Y"), and the noun without one ("Attack on Y"). */
const WORDS: Record<string, { verb: string; noun: string; on: string }> = {
  ASSAULT: { verb: 'attacked', noun: 'Attack', on: 'on' }, COERCE: { verb: 'coerced', noun: 'Coercion', on: 'of' },
  MOBILIZE: { verb: 'mobilised against', noun: 'Mobilisation', on: 'against' }, SANCTION: { verb: 'sanctioned', noun: 'Sanctions', on: 'on' },
  THREATEN: { verb: 'threatened', noun: 'Threat', on: 'against' }, PROTEST: { verb: 'protested against', noun: 'Protest', on: 'against' },
  ACCUSE: { verb: 'accused', noun: 'Accusation', on: 'against' }, REJECT: { verb: 'rejected', noun: 'Rejection', on: 'of' },
  RETREAT: { verb: 'retreated from', noun: 'Retreat', on: 'from' }, CONCEDE: { verb: 'conceded to', noun: 'Concession', on: 'to' },
  REQUEST: { verb: 'appealed to', noun: 'Appeal', on: 'to' }, CONSULT: { verb: 'met', noun: 'Talks', on: 'with' },
  SUPPORT: { verb: 'supported', noun: 'Support', on: 'for' }, COOPERATE: { verb: 'cooperated with', noun: 'Cooperation', on: 'with' },
  AGREE: { verb: 'agreed with', noun: 'Agreement', on: 'with' }, AID: { verb: 'aided', noun: 'Aid', on: 'to' },
};

/**
 * "Actor verb target — Place, date"; without an actor "Noun on target — …"; without either the type's noun.
 * @example eventTitle({ ploverType: 'ASSAULT', actors: [{ name: 'US forces', role: 'source' }, { name: 'Soleimani', role: 'target' }], place: { name: 'Baghdad' }, windowStart: '2020-01-03', windowEnd: '2020-01-03' })
 * // 'US forces attacked Soleimani — Baghdad, Fri 3 Jan 2020'
 */
export function eventTitle(event: TitleFields): string {
  const words = WORDS[event.ploverType] ?? { verb: event.ploverType.toLowerCase(), noun: capital(event.ploverType.toLowerCase()), on: 'involving' };
  const names = (role: 'source' | 'target') => joinNames([...new Set(event.actors.filter((a) => a.role === role).map((a) => a.name))]);
  const actor = names('source');
  const target = names('target');
  const what = actor ? `${capital(actor)} ${words.verb}${target ? ` ${target}` : ''}` : target ? `${words.noun} ${words.on} ${target}` : words.noun;
  const when = event.windowStart ? (event.windowStart === event.windowEnd ? humanDate(event.windowStart) : `${humanDate(event.windowStart)} – ${humanDate(event.windowEnd)}`) : '';
  const where = [event.place?.name, when].filter(Boolean).join(', ');
  return where ? `${what} — ${where}` : what;
}

/** "A", "A and B", "A, B and 2 others". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names[0]}, ${names[1]} and ${names.length - 2 === 1 ? 'one other' : `${names.length - 2} others`}`;
}

function capital(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
