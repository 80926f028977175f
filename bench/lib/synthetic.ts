/**
 * Generated news articles for benchmarks: sentences assembled from templates we wrote, with names, places,
 * dates and counts drawn from a seeded generator, so every run reads the same corpus and nothing is copied
 * from anywhere.
 */

import { seededRandom } from '../../src/nlp/ner/train.js';

/** Deterministic pseudo-random numbers: the training code's mulberry32, so one generator serves both. */
export const seeded = seededRandom;

const FIRST = ['Kassem', 'Leila', 'Omar', 'Yusuf', 'Farida', 'Dmytro', 'Chinedu', 'Aylin', 'Tariq', 'Nadia', 'Ibrahim', 'Oksana', 'Reza', 'Amina', 'Samir'];
const LAST = ['Haddad', 'Mansour', 'Kovalenko', 'Okafor', 'Demir', 'Rahimi', 'Aboud', 'Jubouri', 'Nasser', 'Bakr', 'Shevchenko', 'Yilmaz', 'Farouk'];
const GROUPS = ['Islamic State', 'Hezbollah', 'the Tigris Guardians Brigade', 'the Syrian army', 'Turkish forces', 'the Free Syrian Army', 'Russian troops', 'the Iraqi police'];
const PLACES = ['Aleppo', 'Latakia', 'Idlib', 'Homs', 'Baghdad', 'Mosul', 'Kirkuk', 'Tripoli', 'Kharkiv', 'Maiduguri', 'Hatay', 'Raqqa', 'Deir ez-Zor'];
const OUTLETS = ['Meridian News Agency', 'Gulf Courier', 'The Northern Ledger', 'Kyiv Courier', 'Sahel Wire', 'Levant Observer'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ROLES = ['a military spokesman', 'the provincial governor', 'a local commander', 'the interior minister', 'a hospital director'];

const TEMPLATES = [
  (r: Pick) => `${cap(r.group())} attacked positions near ${r.place()} on ${r.day()}, killing at least ${r.n(2, 40)} people and wounding ${r.n(3, 60)}, ${r.role()} said.`,
  (r: Pick) => `${r.person()}, ${r.role()}, told reporters that ${r.group()} had withdrawn from the outskirts of ${r.place()} earlier this week.`,
  (r: Pick) => `According to two officials who spoke on condition of anonymity, ${r.n(200, 1500)} troops were sent to ${r.place()} last month.`,
  (r: Pick) => `"We will not leave ${r.place()}," ${r.person()} said in a statement on ${r.day()}, adding that talks could resume next week.`,
  (r: Pick) => `The ${r.outlet()} reported, citing a local official, that a convoy carrying aid reached ${r.place()} on ${r.day()}.`,
  (r: Pick) => `${cap(r.group())} denied the report and accused ${r.group()} of shelling civilian areas in ${r.place()}.`,
  (r: Pick) => `Residents said the shelling stopped before dawn, but electricity and water had not been restored by ${r.day()} evening.`,
  (r: Pick) => `${r.person()} met ${r.person()} in ${r.place()} on ${r.day()} to discuss a prisoner exchange, the ${r.outlet()} said.`,
];

interface Pick {
  group(): string;
  place(): string;
  day(): string;
  person(): string;
  role(): string;
  outlet(): string;
  n(min: number, max: number): number;
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** A generated article as plain text with a title line, a date line and `paragraphs` paragraphs. */
export function syntheticArticle(index: number, paragraphs = 8): { text: string; words: number } {
  const rand = seededRandom(index * 7919 + 17);
  const from = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const pick: Pick = {
    group: () => from(GROUPS),
    place: () => from(PLACES),
    day: () => from(DAYS),
    person: () => `${from(FIRST)} ${from(LAST)}`,
    role: () => from(ROLES),
    outlet: () => from(OUTLETS),
    n: (min, max) => min + Math.floor(rand() * (max - min)),
  };
  const month = 1 + (index % 12);
  const day = 1 + (index % 28);
  const lines = [`Fighting reported near ${pick.place()} (report ${index})`, `Published: ${day} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]} 2024`, ''];
  for (let p = 0; p < paragraphs; p++) lines.push(`${from(TEMPLATES)(pick)} ${from(TEMPLATES)(pick)}`, '');
  const text = lines.join('\n');
  return { text, words: text.split(/\s+/).filter(Boolean).length };
}
