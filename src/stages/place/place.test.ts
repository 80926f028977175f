import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { lookupTransliterated, type Gazetteer } from '../../geo/index.js';
import { loadGazetteer } from '../../app/load-gazetteer.js';
import { createResources, runStages } from '../../pipeline/index.js';
import type { Mention, MentionType, PlaceRef } from '../../model/index.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { createPlace, GAZETTEER_RESOURCE, resolvePlaces } from './index.js';

let gazetteer: Gazetteer;
before(async () => {
  gazetteer = await loadGazetteer();
});

/** A doc whose mentions are the given strings, found left to right in the text. */
function docWith(text: string, mentions: readonly (string | [string, MentionType])[]) {
  let from = 0;
  const list: Mention[] = mentions.map((m, i) => {
    const [surface, type] = typeof m === 'string' ? [m, 'LOC' as const] : m;
    const start = text.indexOf(surface, from);
    assert.ok(start >= 0, `fixture: "${surface}" not in text`);
    from = start + surface.length;
    return { id: `m${i + 1}`, text: surface, type, start, end: start + surface.length, tokenStart: 0, tokenEnd: 0, origin: 'ner' };
  });
  return makeDoc({ text, layers: { mentions: list } });
}

function place(places: readonly PlaceRef[], text: string): PlaceRef {
  const p = places.find((x) => x.text === text);
  assert.ok(p, `no place for "${text}"`);
  return p;
}

test('place › "near Aleppo" resolves to the city of Aleppo, Syria', () => {
  const p = place(resolvePlaces(docWith('Government forces advanced near Aleppo on Tuesday.', ['Aleppo']), gazetteer), 'Aleppo');
  assert.equal(p.isResolved, true);
  assert.equal(p.countryCode, 'SY');
  assert.equal(p.precision, 'city');
  assert.ok(Math.abs(p.lat! - 36.2) < 0.2 && Math.abs(p.lon! - 37.16) < 0.2);
});

test('place › "the western province of Latakia" is the province, not the city', () => {
  const p = place(resolvePlaces(docWith('Air strikes hit villages in the western province of Latakia overnight.', ['Latakia']), gazetteer), 'Latakia');
  assert.equal(p.countryCode, 'SY');
  assert.equal(p.precision, 'province');
  assert.match(p.gazetteerId ?? '', /^admin1:SY\./);
});

test('place › "Hatay province, Turkey" resolves Hatay as a Turkish province and Turkey as the country', () => {
  const places = resolvePlaces(docWith('Thousands crossed into Hatay province, Turkey, during the night.', ['Hatay', 'Turkey']), gazetteer);
  const hatay = place(places, 'Hatay');
  assert.equal(hatay.countryCode, 'TR');
  assert.equal(hatay.precision, 'province');
  assert.equal(place(places, 'Turkey').precision, 'country');
});

test('place › "outside Baghdad International Airport" is the airport point; an unlisted facility falls back to its city', () => {
  const listed = place(resolvePlaces(docWith('Rockets fell outside Baghdad International Airport.', ['Baghdad International Airport']), gazetteer), 'Baghdad International Airport');
  assert.equal(listed.precision, 'point');
  assert.equal(listed.countryCode, 'IQ');
  const unlisted = place(resolvePlaces(docWith('Rockets fell near Erbil International Airport.', ['Erbil International Airport']), gazetteer), 'Erbil International Airport');
  assert.equal(unlisted.isResolved, true);
  assert.equal(unlisted.countryCode, 'IQ');
  assert.equal(unlisted.precision, 'city');
});

test('place › Tripoli is in Libya beside Benghazi and in Lebanon beside Beirut', () => {
  const libya = resolvePlaces(docWith('Militias clashed in Tripoli while the rival government in Benghazi met.', ['Tripoli', 'Benghazi']), gazetteer);
  assert.equal(place(libya, 'Tripoli').countryCode, 'LY');
  const lebanon = resolvePlaces(docWith('Protesters marched in Tripoli and Beirut against the bank restrictions in Lebanon.', ['Tripoli', 'Beirut', 'Lebanon']), gazetteer);
  assert.equal(place(lebanon, 'Tripoli').countryCode, 'LB');
});

test('place › Paris alone is the French capital; "Paris, Texas" is the Texan town', () => {
  const france = place(resolvePlaces(docWith('The talks in Paris ended without agreement.', ['Paris']), gazetteer), 'Paris');
  assert.equal(france.countryCode, 'FR');
  const texas = resolvePlaces(docWith('The rodeo in Paris, Texas drew a record crowd.', ['Paris', 'Texas']), gazetteer);
  assert.equal(place(texas, 'Paris').countryCode, 'US');
  assert.equal(place(texas, 'Paris').admin1, 'Texas');
  assert.equal(place(texas, 'Texas').precision, 'province');
});

test('place › Georgia is the country beside Tbilisi and the US state beside Atlanta', () => {
  const caucasus = resolvePlaces(docWith('Georgia said troops massed near Tbilisi.', ['Georgia', 'Tbilisi']), gazetteer);
  assert.equal(place(caucasus, 'Georgia').gazetteerId, 'country:GE');
  const south = resolvePlaces(docWith('Storms swept Atlanta and much of Georgia on Sunday.', ['Atlanta', 'Georgia']), gazetteer);
  assert.equal(place(south, 'Georgia').countryCode, 'US');
});

test('place › alternate and abbreviated names: Kiev is Kyiv, "Ga." is Georgia (US)', () => {
  const places = resolvePlaces(docWith('Officials in Kiev spoke to reporters from Gainesville, Ga., by phone.', ['Kiev', 'Gainesville', 'Ga.']), gazetteer);
  assert.equal(place(places, 'Kiev').name, 'Kyiv');
  assert.equal(place(places, 'Ga.').admin1, 'Georgia');
  assert.equal(place(places, 'Gainesville').admin1, 'Georgia');
});

test('place › a demonym is a place only when used as one ("Iranian territory", not "Iranian officials")', () => {
  const used = resolvePlaces(docWith('The drone came down over Iranian territory.', [['Iranian', 'MISC']]), gazetteer);
  assert.equal(place(used, 'Iranian').gazetteerId, 'country:IR');
  assert.equal(place(used, 'Iranian').precision, 'country');
  const actor = resolvePlaces(docWith('Iranian officials denied the report.', [['Iranian', 'MISC']]), gazetteer);
  assert.deepEqual(actor, []);
});

test('place › a country name tagged ORG after "to" is a place', () => {
  const places = resolvePlaces(docWith('Thousands fled to Syria last year.', [['Syria', 'ORG']]), gazetteer);
  assert.equal(place(places, 'Syria').gazetteerId, 'country:SY');
});

test('place › unknown and hopelessly ambiguous names stay unresolved rather than guessed', () => {
  const places = resolvePlaces(docWith('He grew up in Springfield and later moved to Qarvelloton.', ['Springfield', 'Qarvelloton']), gazetteer);
  for (const p of places) {
    assert.equal(p.isResolved, false, p.text);
    assert.equal(p.lat, undefined);
  }
});

test('place › regions from our list: Donbas, Gaza Strip, Persian Gulf', () => {
  const places = resolvePlaces(docWith('Shelling in the Donbas continued as ships left the Persian Gulf and aid entered the Gaza Strip.', ['Donbas', 'Persian Gulf', 'Gaza Strip']), gazetteer);
  assert.equal(place(places, 'Donbas').countryCode, 'UA');
  assert.equal(place(places, 'Persian Gulf').precision, 'region');
  assert.equal(place(places, 'Gaza Strip').countryCode, 'PS');
});

test('place › PER and ORG mentions that are not places are ignored; every place has its mention id and span', () => {
  const doc = docWith('Jordan Peterson spoke in Amman, Jordan.', [['Jordan Peterson', 'PER'], 'Amman', 'Jordan']);
  const places = resolvePlaces(doc, gazetteer);
  assert.deepEqual(places.map((p) => p.text), ['Amman', 'Jordan']);
  for (const p of places) assert.equal(doc.text.slice(p.start, p.end), p.text);
  assert.equal(place(places, 'Amman').countryCode, 'JO');
});

test('place › the stage runs in the pipeline runner and reports a missing gazetteer with a typed error', () => {
  const doc = docWith('Fighting near Aleppo.', ['Aleppo']);
  const { doc: out } = runStages(doc, [createPlace()], { publishedAt: undefined, resources: createResources({ [GAZETTEER_RESOURCE]: gazetteer }) });
  assert.equal(out.layers.places?.[0]?.countryCode, 'SY');
  assert.throws(() => runStages(doc, [createPlace()], { publishedAt: undefined, resources: createResources({}) }), /gazetteer/);
});

test('place › a capitalised common word the article also writes in lower case lends no state to a real place (issue 16)', () => {
  const text = [
    '17th Century: Coffee Reaches Europe',
    'By the 17th century, coffee had come to Venice, where clergy objected. Coffee houses soon opened in England, Austria, France and Germany.',
    'Early cafes were loud; early customers were merchants. Century Roasters, a chain in the U.S., now sells a Venice blend in New York City and across the U.S.',
  ].join('\n\n');
  const places = resolvePlaces(docWith(text, ['Europe', 'Venice', 'England', 'Austria', 'France', 'Germany', 'U.S.', 'New York City', 'U.S.']), gazetteer);
  const venice = place(places, 'Venice');
  assert.notEqual(venice.countryCode, 'US', `Venice read as ${venice.name} ${venice.countryCode} ${venice.admin1 ?? ''}`);
});

test('place › the outlet\'s country decides a bare town name: "Windsor" in a British paper is Windsor, England (issue 16)', () => {
  const doc = docWith('Traffic was stopped in Windsor for two hours on Sunday.', ['Windsor']);
  const at = (url: string) => place(resolvePlaces({ ...doc, meta: { ...doc.meta, url } }, gazetteer), 'Windsor');
  assert.equal(at('https://www.example-news.co.uk/local/1').countryCode, 'GB');
  assert.notEqual(at('https://www.example-news.com/local/1').countryCode, 'GB');
});

test('place › "St. Paul" is the Minnesota capital, not a Caribbean parish of a few thousand people (issue 16)', () => {
  const p = place(resolvePlaces(docWith('The hearing was moved to St. Paul on Monday.', ['St. Paul']), gazetteer), 'St. Paul');
  assert.equal(p.isResolved, true);
  assert.equal(p.countryCode, 'US');
  assert.equal(p.admin1, 'Minnesota');
});

test('place › "Egypt" beside "Egyptians" stays the country in a story of Pittsburgh neighbourhoods (issue 16)', () => {
  const text = 'At the Shadyside market and in Bethel Park, families retold the flight of the Israelites from Egypt, as Egyptians once told it too. Oakland shops sold matzo.';
  const p = place(resolvePlaces(docWith(text, ['Shadyside', 'Bethel Park', 'Egypt', 'Oakland']), gazetteer), 'Egypt');
  assert.equal(p.countryCode, 'EG');
  assert.equal(p.precision, 'country');
});

test('place › a country\'s name is a namesake town only when the article names that town\'s county or state (issue 16)', () => {
  const withCounty = resolvePlaces(docWith('A Palestine man was indicted by an Anderson County grand jury after a chase from Elkhart.', ['Palestine', 'Anderson County', 'Elkhart']), gazetteer);
  assert.equal(place(withCounty, 'Palestine').admin1, 'Texas');
  const without = resolvePlaces(docWith('A Palestine man was indicted after a chase from Elkhart.', ['Palestine', 'Elkhart']), gazetteer);
  assert.equal(place(without, 'Palestine').precision, 'country');
});

test('place › names listed before "counties" are counties: "Douglas, Sarpy and Lancaster counties" (issue 16)', () => {
  const places = resolvePlaces(docWith('The combined population of Douglas, Sarpy and Lancaster counties continues to grow.', ['Douglas', 'Sarpy', 'Lancaster']), gazetteer);
  for (const name of ['Douglas', 'Sarpy', 'Lancaster']) {
    const p = place(places, name);
    assert.equal(p.admin1, 'Nebraska', name);
    assert.match(p.gazetteerId ?? '', /^admin2:US\.NE\./, name);
  }
  // Without the closing plural the same names are towns.
  assert.doesNotMatch(place(resolvePlaces(docWith('He moved from Lancaster to Douglas last year.', ['Lancaster', 'Douglas']), gazetteer), 'Lancaster').gazetteerId ?? '', /^admin2:/);
});

test('place › a name particle written joined finds the spaced spelling: "DeSoto Parish" is De Soto Parish, Louisiana (issue 16)', () => {
  const places = resolvePlaces(docWith('Both DeSoto Parish deputies and Shreveport police came to Mansfield.', ['DeSoto Parish', 'Shreveport', 'Mansfield']), gazetteer);
  assert.equal(place(places, 'DeSoto Parish').admin1, 'Louisiana');
  assert.equal(place(places, 'Mansfield').admin1, 'Louisiana');
});

test('place › one place written two ways supports itself across names: "La." beside "a Louisiana man" is Louisiana, not L.A. (issue 16)', () => {
  const places = resolvePlaces(docWith('A Louisiana man was arrested. Sean Clouthier, 22, of Sulpher, La., was stopped.', ['Louisiana', 'La.']), gazetteer);
  assert.equal(place(places, 'La.').name, 'Louisiana');
});

test('place › a lower-case mention is never a place: "hitting a plateau" (issue 16)', () => {
  const places = resolvePlaces(docWith('Hitting a plateau where progress stalls can be discouraging.', ['plateau']), gazetteer);
  assert.deepEqual(places, []);
});

test("place › the outlet's home town from its masthead address: Norfolk in a Nebraska paper beside Battle Creek (issue 16)", () => {
  const text = 'NORFOLK — Scouts collected food in Norfolk and Battle Creek on Saturday.';
  const doc = docWith(text, ['NORFOLK', 'Norfolk', 'Battle Creek']);
  const atHome = resolvePlaces({ ...doc, meta: { ...doc.meta, url: 'https://www.norfolkdailynews.com/news/scouts' } }, gazetteer);
  assert.equal(place(atHome, 'Norfolk').admin1, 'Nebraska');
  assert.equal(place(atHome, 'NORFOLK').admin1, 'Nebraska');
  assert.equal(place(atHome, 'Battle Creek').admin1, 'Nebraska');
  // Without the address the larger Norfolk and Battle Creek win: nothing in the text says Nebraska.
  assert.equal(place(resolvePlaces(doc, gazetteer), 'Norfolk').admin1, 'Virginia');
});

test('place › a country name among other countries is the country, though the article names a state with a namesake town (issue 16)', () => {
  const text = 'The chain opened stores in New York and Texas this year. Next come Canada, Vietnam and Mexico, where it signed a partner.';
  const mexico = place(resolvePlaces(docWith(text, ['New York', 'Texas', 'Canada', 'Vietnam', 'Mexico']), gazetteer), 'Mexico');
  assert.equal(mexico.countryCode, 'MX');
  assert.equal(mexico.precision, 'country');
});

test('place › acronyms and common words are not placed: "SEM" is a service, "Downtown" a heading word (issue 16)', () => {
  const text = 'Downtown offices. The agency sells SEM and SEO to firms in Seattle, and its downtown office opened in March.';
  const places = resolvePlaces(docWith(text, ['Downtown', 'SEM', 'Seattle']), gazetteer);
  assert.equal(place(places, 'SEM').isResolved, false);
  assert.equal(place(places, 'Downtown').isResolved, false);
  assert.equal(place(places, 'Seattle').countryCode, 'US');
  // Capitals that name a country still do.
  assert.equal(place(resolvePlaces(docWith('Exports to the UK rose.', ['UK']), gazetteer), 'UK').countryCode, 'GB');
});

test('place › a world city keeps its name beside US places when its namesake is a thousand times smaller (issue 16)', () => {
  const text = 'The cheapest fares from Denver went to Phoenix, Dallas and Delhi, and Colorado travellers booked them early.';
  const delhi = place(resolvePlaces(docWith(text, ['Denver', 'Phoenix', 'Dallas', 'Delhi', 'Colorado']), gazetteer), 'Delhi');
  assert.equal(delhi.countryCode, 'IN');
});

test('place › a place written in another transliteration is found: "Abu Ghraib" is Abū Ghurayb, "Fallujah" Al Fallūjah (issue 16)', () => {
  const places = resolvePlaces(docWith('Farmers near Abu Ghraib, west of Baghdad, said the canal had run dry, and traders in Fallujah raised the price of flour.', ['Abu Ghraib', 'Baghdad', 'Fallujah']), gazetteer);
  for (const text of ['Abu Ghraib', 'Fallujah']) {
    const p = place(places, text);
    assert.equal(p.isResolved, true, text);
    assert.equal(p.countryCode, 'IQ', text);
  }
});

test('place › a name found only through another spelling stays unplaced when the article points nowhere near its country (issue 16)', () => {
  const places = resolvePlaces(docWith('The Marine from Dayton, Ohio, served two tours in Fallujah before he came home.', ['Dayton', 'Ohio', 'Fallujah']), gazetteer);
  assert.equal(place(places, 'Fallujah').isResolved, false);
  assert.equal(place(places, 'Dayton').countryCode, 'US');
});

test('place › a short or common name finds no village through its transliteration key (issue 16)', () => {
  // "Hamid" (a given name tagged LOC) and "Hawija" have three- and two-letter keys: only a large city could take them.
  const places = resolvePlaces(docWith('Hamid said the road to Hawija was closed.', ['Hamid', 'Hawija']), gazetteer);
  assert.equal(place(places, 'Hamid').isResolved, false);
  assert.equal(place(places, 'Hawija').isResolved, false);
  // A transliteration keeps a name's opening: "Georgian" is not Gorgān (Iran), nor "Irish" Arīsh (Egypt), "Nuli" Nyala.
  for (const word of ['Georgian', 'Irish', 'Syrian', 'Nuli']) assert.deepEqual(lookupTransliterated(gazetteer, word), [], word);
});

test('place › a location written as its people ("Iowans", "Ontarians", "Czechs") is their state, province or country', () => {
  const text = 'Iowans drove north to fish the lakes, while Ontarians came south for the fair, and a group of Czechs stayed in Des Moines for a week.';
  const places = resolvePlaces(docWith(text, ['Iowans', 'Ontarians', 'Czechs', 'Des Moines']), gazetteer);
  const iowa = place(places, 'Iowans');
  assert.equal(iowa.name, 'Iowa');
  assert.equal(iowa.countryCode, 'US');
  assert.equal(iowa.precision, 'province');
  assert.equal(place(places, 'Ontarians').name, 'Ontario');
  assert.equal(place(places, 'Ontarians').countryCode, 'CA');
  assert.equal(place(places, 'Czechs').countryCode, 'CZ');
});

test("place › the outlet's region tells which town its masthead names: 'Jordan' alone in a Minnesota paper called after Jordan is that town", () => {
  const text = 'The Jordan volleyball program starts again this spring. Players from Jordan may sign up at the high school until March 1.';
  const doc = docWith(text, ['Jordan', 'Jordan']);
  const url = 'https://www.jordanherald.example/sports/volleyball';
  const withUrl = { ...doc, meta: { ...doc.meta, url } };
  const region = gazetteer.admin1('US', 'MN')!;
  const places = resolvePlaces(withUrl, gazetteer, new Map([['www.jordanherald.example', region]]));
  assert.deepEqual(places.map((p) => `${p.name}, ${p.admin1}, ${p.countryCode}`), ['Jordan, Minnesota, US', 'Jordan, Minnesota, US']);
  // Without the region nothing says which Jordan the masthead names: the country's name stays the country.
  assert.equal(resolvePlaces(withUrl, gazetteer)[0]?.countryCode, 'JO');
});

test('place › "Raqqa" is the city, not only the governorate named after it (its city is spelt Ar Raqqah)', () => {
  const text = 'Aircraft struck targets in Raqqa on Sunday, and families fled east along the river.';
  const p = place(resolvePlaces(docWith(text, ['Raqqa']), gazetteer), 'Raqqa');
  assert.equal(p.countryCode, 'SY');
  assert.equal(p.precision, 'city');
  assert.ok(Math.abs(p.lat! - 35.95) < 0.1 && Math.abs(p.lon! - 39.01) < 0.1, `${p.name} ${p.lat},${p.lon}`);
});
