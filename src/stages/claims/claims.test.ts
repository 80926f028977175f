import assert from 'node:assert/strict';
import { test } from 'node:test';
import { depLabelIndex, DossierError, makeTokenTable, type Mention, type MentionType, type Sentence, type Upos } from '../../model/index.js';
import { createResources } from '../../pipeline/stage.js';
import { checkPipeline, runStages } from '../../pipeline/run.js';
import { loadClaimsLexicon } from '../../app/claims-lexicon.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { CLAIMS_LEXICON, claimsStage, extractClaims, parseClaimsLexicon, regularForms, type ClaimRecord } from './index.js';

const lexicon = loadClaimsLexicon();

/** Sentences at ". " / "? " / "! " (after an optional closing quote) before a capital or an opening quote. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?][”"]?(?=\s+[“"A-Z])/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    out.push({ start, end, tokenStart: 0, tokenEnd: 0 });
    start = end + (/^\s+/.exec(text.slice(end))?.[0].length ?? 0);
  }
  if (start < text.length) out.push({ start, end: text.trimEnd().length, tokenStart: 0, tokenEnd: 0 });
  return out;
}

/** A mention for each whole-word occurrence of each form. */
function mentionsOf(text: string, forms: readonly (readonly [string, MentionType])[]): Mention[] {
  const out: Mention[] = [];
  for (const [surface, type] of forms) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      if (/\w/.test(text[at - 1] ?? ' ') || /\w/.test(text[at + surface.length] ?? ' ')) continue;
      out.push({ id: '', start: at, end: at + surface.length, text: surface, type, tokenStart: 0, tokenEnd: 0, origin: 'ner' });
    }
  }
  return out.sort((a, b) => a.start - b.start).map((m, i) => ({ ...m, id: `m${i + 1}` }));
}

function claimsOf(text: string, forms: readonly (readonly [string, MentionType])[] = [], outlet?: string): { text: string; claims: ClaimRecord[] } {
  const doc = makeDoc({ text, meta: outlet ? { outlet } : {}, layers: { sentences: sentencesOf(text), mentions: mentionsOf(text, forms) } });
  return { text, claims: extractClaims(doc, lexicon) };
}

const at = (text: string, span: { start: number; end: number } | undefined): string => (span ? text.slice(span.start, span.end) : '');

// ---------------------------------------------------------------------------------------------------
// Lexicon

test('claims › lexicon generates regular verb forms', () => {
  assert.deepEqual(regularForms('deny'), ['deny', 'denies', 'denied', 'denying']);
  assert.deepEqual(regularForms('confirm'), ['confirm', 'confirms', 'confirmed', 'confirming']);
  assert.deepEqual(regularForms('state'), ['state', 'states', 'stated', 'stating']);
});

test('claims › lexicon files parse: verbs, hedges, anonymous nouns and outlets', () => {
  assert.equal(lexicon.verbForms.get('said')?.lemma, 'say');
  assert.equal(lexicon.verbForms.get('denied')?.verbClass, 'denied');
  assert.equal(lexicon.verbForms.get('claimed')?.isHedged, true);
  assert.equal(lexicon.hedges.get('reportedly'), 'hedge');
  assert.equal(lexicon.anonymousNouns.get('officials'), 'official');
  assert.equal(lexicon.outlets.get('Fars'), 'Fars News Agency');
});

test('claims › a malformed lexicon line throws a DossierError quoting file and line', () => {
  const texts = { reportingVerbs: 'say asserted that,bare said\nshout loudly\n', hedges: '', anonymousSources: '', outlets: '' };
  assert.throws(() => parseClaimsLexicon(texts), (e: unknown) => e instanceof DossierError && /reporting-verbs\.txt:2/.test(e.message) && /shout loudly/.test(e.message));
});

// ---------------------------------------------------------------------------------------------------
// Attribution chains

test('claims › chain: outlet basing its claim on another outlet that quotes an unnamed officer', () => {
  const { text, claims } = claimsOf(
    'Iranian troops are massing near Aleppo, the state-run Fars News Agency reported, basing its story on an item in the Persian-language edition of the Russian Sputnik agency. Sputnik, in turn, quotes an unnamed Syrian officer.',
    [['Fars News Agency', 'ORG'], ['Sputnik', 'ORG'], ['Aleppo', 'LOC']],
  );
  assert.equal(claims.length, 1);
  const c = claims[0]!;
  assert.equal(at(text, c.content), 'Iranian troops are massing near Aleppo');
  assert.equal(c.cueLemma, 'report');
  assert.deepEqual(
    c.chain.map((l) => [l.kind, l.name]),
    [['outlet', 'Fars News Agency'], ['outlet', 'Sputnik'], ['anonymous', 'unnamed Syrian officer']],
  );
  assert.equal(c.chain[1]!.service, 'Persian-language service');
  assert.equal(c.chain[2]!.nationality, 'SYR');
  assert.equal(c.chain[2]!.role, 'officer');
  assert.equal(c.chain[2]!.count, 1);
  assert.equal(c.cueSourceIndex, 0);
  assert.equal(c.chain[0]!.mentionId, 'm2');
});

test('claims › chain: "according to" an outlet, then anonymous sources that report', () => {
  const { text, claims } = claimsOf('According to Fox News, multiple intelligence sources report that the general flew to Moscow last week.', [
    ['Fox News', 'ORG'],
    ['Moscow', 'LOC'],
  ]);
  assert.equal(claims.length, 1);
  const c = claims[0]!;
  assert.deepEqual(c.chain.map((l) => [l.kind, l.name, l.count]), [['outlet', 'Fox News', undefined], ['anonymous', 'intelligence sources', 'multiple']]);
  assert.equal(c.cueSourceIndex, 1);
  assert.equal(at(text, c.content), 'that the general flew to Moscow last week');
});

test('claims › a relative clause between the source and its verb: "officials who spoke on condition of anonymity … said"', () => {
  const { text, claims } = claimsOf('Three port officials who spoke on condition of anonymity because the inquiry is before the courts said that the tanker had been sabotaged.');
  assert.equal(claims.length, 1);
  const c = claims[0]!;
  assert.deepEqual(c.chain.map((l) => [l.kind, l.count]), [['anonymous', 3]], JSON.stringify(c.chain));
  assert.equal(at(text, c.content), 'that the tanker had been sabotaged');
});

test('claims › a denial inside ", which …," says no more than up to the closing comma', () => {
  const { text, claims } = claimsOf('The port authority, which flatly denied the report in March, did not reply to a request for comment on Friday.', [['The port authority', 'ORG']]);
  const denial = claims.find((c) => c.stance === 'denied');
  assert.equal(at(text, denial?.content), 'the report in March');
  const silent = claims.find((c) => c.stance === 'not-acknowledged');
  assert.deepEqual(silent?.chain.map((s) => s.name), ['The port authority'], 'the clause set off by commas is stepped over to its subject');
});

test('claims › chain: an agency "citing three sources"', () => {
  const { claims } = claimsOf('Reuters, citing three sources, reported that the general met the president in Moscow.', [['Reuters', 'ORG']]);
  assert.deepEqual(claims[0]!.chain.map((l) => [l.kind, l.name, l.count]), [['outlet', 'Reuters', undefined], ['anonymous', 'sources', 3]]);
});

test('claims › chain: a trailing "quoting" and "via" phrase', () => {
  const a = claimsOf('The convoy was hit twice, the Tasnim agency said, quoting a local commander.');
  assert.deepEqual(a.claims[0]!.chain.map((l) => l.kind), ['outlet', 'anonymous']);
  assert.equal(a.claims[0]!.chain[1]!.role, 'local commander');
  const b = claimsOf('The pilot is alive, the ministry said via a spokesman.');
  assert.equal(b.claims[0]!.chain.length, 2);
});

test('claims › chain: "quoted X as saying" makes X the speaker behind the outlet', () => {
  const { text, claims } = claimsOf('Interfax quoted a military source as saying that the jets had returned to base.', [['Interfax', 'ORG']]);
  const c = claims[0]!;
  assert.deepEqual(c.chain.map((l) => l.kind), ['outlet', 'anonymous']);
  assert.equal(c.cueSourceIndex, 1);
  assert.equal(at(text, c.content), 'that the jets had returned to base');
});

test('claims › chain: a post on a social network sits outside its author', () => {
  const { claims } = claimsOf('Zakharova wrote in a post on Telegram that the story was invented.', [['Zakharova', 'PER']]);
  assert.deepEqual(claims[0]!.chain.map((l) => [l.kind, l.name]), [['social-media', 'Telegram'], ['person', 'Zakharova']]);
  assert.equal(claims[0]!.cueSourceIndex, 1);
});

test("claims › chain: a hedged statement in the article's own voice names the outlet", () => {
  const { claims } = claimsOf('Hundreds of Iranian soldiers are reportedly fighting in the south.', [], 'The Daily Ledger');
  assert.deepEqual(claims[0]!.chain, [{ kind: 'article', name: 'The Daily Ledger' }]);
  assert.equal(claims[0]!.isHedged, true);
  assert.equal(claims[0]!.cueSourceIndex, -1);
});

// ---------------------------------------------------------------------------------------------------
// Direct quotes

test('claims › direct quote with curly marks, attribution after, continued in the next sentence', () => {
  const { text, claims } = claimsOf('“We brought the navigator home,” said Maria Petrova, the ministry’s spokeswoman. “He is unhurt and resting.”', [['Maria Petrova', 'PER']]);
  assert.equal(claims.length, 1);
  const c = claims[0]!;
  assert.equal(c.isDirectQuote, true);
  assert.deepEqual(c.contentParts.map((p) => at(text, p)), ['“We brought the navigator home,”', '“He is unhurt and resting.”']);
  assert.equal(c.chain[0]!.name, 'Maria Petrova');
  assert.equal(c.chain[0]!.role, 'spokeswoman');
  assert.equal(at(text, c.evidence), text);
});

test('claims › a quote broken by its attribution is one claim in two parts', () => {
  const { text, claims } = claimsOf('"The navigator is alive," said Fars, "and is being treated at the base."', [['Fars', 'ORG']]);
  assert.equal(claims.length, 1);
  assert.deepEqual(claims[0]!.contentParts.map((p) => at(text, p)), ['"The navigator is alive,"', '"and is being treated at the base."']);
  assert.equal(claims[0]!.chain[0]!.kind, 'outlet');
});

test('claims › direct quote with the attribution before a colon, and "He added" taking the speaker of the quote before it', () => {
  const { text, claims } = claimsOf('Lavrov said: "Our position has not changed." He added that the talks would go on.', [['Lavrov', 'PER']]);
  assert.equal(claims.length, 2);
  assert.equal(at(text, claims[0]!.content), '"Our position has not changed."');
  assert.equal(claims[0]!.isDirectQuote, true);
  assert.equal(claims[1]!.isDirectQuote, false);
  assert.equal(at(text, claims[1]!.chain[0]!.span), 'He');
  assert.equal(claims[1]!.chain[0]!.name, 'Lavrov');
  assert.equal(claims[1]!.chain[0]!.mentionId, 'm1');
});

test('claims › a quote introduced by a colon in the paragraph before, continued in the next paragraph', () => {
  const text = 'The envoy continued:\n\n“We will not leave the valley. The talks are over.”\n\n“Nobody should be surprised.”';
  const { claims } = claimsOf(text);
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.cue), 'continued:');
  assert.equal(at(text, claims[0]!.chain[0]!.span), 'The envoy');
  assert.equal(claims[0]!.contentParts.length, 2);
});

test('claims › a speaker mention links to its entity when the entities layer exists', () => {
  const text = 'Peskov said the meeting never happened.';
  const mentions = mentionsOf(text, [['Peskov', 'PER']]);
  const doc = makeDoc({
    text,
    layers: {
      sentences: sentencesOf(text),
      mentions,
      entities: [{ id: 'e1', name: 'Dmitry Peskov', type: 'PER', kind: 'person', mentionIds: ['m1'], aliases: [], roles: [], references: [] }],
    },
  });
  assert.equal(extractClaims(doc, lexicon)[0]!.chain[0]!.entityId, 'e1');
});

// ---------------------------------------------------------------------------------------------------
// Reported speech shapes

const REPORTED: readonly [string, string, string, string][] = [
  // text, expected source span, cue, content
  ['The minister said on Thursday that the border would reopen.', 'The minister', 'said', 'that the border would reopen'],
  ['The border was closed on Monday, a senior diplomat said.', 'a senior diplomat', 'said', 'The border was closed on Monday'],
  ['The border was closed on Monday, said a senior diplomat.', 'a senior diplomat', 'said', 'The border was closed on Monday'],
  ['The talks failed, Peskov, the Kremlin spokesman, told reporters.', 'Peskov, the Kremlin spokesman', 'told', 'The talks failed'],
  ['Officials told reporters the convoy had been hit twice.', 'Officials', 'told', 'the convoy had been hit twice'],
  ['Kremlin: Report of secret trip is false', 'Kremlin', ':', 'Report of secret trip is false'],
  ['The ceasefire, the envoy said, was holding in most districts.', 'the envoy', 'said', 'The ceasefire, the envoy said, was holding in most districts'],
  ['Asked about the strike, the general said that it had hit a depot and argued that the army would go on.', 'the general', 'said', 'that it had hit a depot'],
  ['In an interview on Thursday, the envoy criticised the plan and said the talks would resume.', 'the envoy', 'said', 'the talks would resume'],
  ['The jets crossed into Syrian airspace, according to a statement from the army.', 'a statement from the army', 'according to', 'The jets crossed into Syrian airspace'],
];

for (const [sentence, source, cue, content] of REPORTED) {
  test(`claims › reported speech: ${sentence}`, () => {
    const { text, claims } = claimsOf(sentence, [['Peskov', 'PER']]);
    const c = claims.find((x) => at(text, x.cue) === cue);
    assert.ok(c, JSON.stringify(claims));
    assert.equal(at(text, c.chain[c.cueSourceIndex]!.span), source);
    assert.equal(at(text, c.cue), cue);
    assert.equal(at(text, c.content), content);
  });
}

// ---------------------------------------------------------------------------------------------------
// Sources

test('claims › anonymous sources carry count, nationality and role', () => {
  const cases: readonly [string, Record<string, unknown>][] = [
    ['Two officials who spoke on condition of anonymity said the convoy was hit.', { kind: 'anonymous', count: 2, role: 'official' }],
    ['A senior diplomat said the convoy was hit.', { kind: 'anonymous', count: 1, role: 'senior diplomat' }],
    ['Sources close to the ministry said the convoy was hit.', { kind: 'anonymous', count: 'multiple', name: 'Sources close to the ministry' }],
    ['U.S. officials said the convoy was hit.', { kind: 'anonymous', count: 'multiple', nationality: 'USA' }],
    ['Several Turkish military officers said the convoy was hit.', { kind: 'anonymous', count: 'multiple', nationality: 'TUR', role: 'military officer' }],
  ];
  for (const [sentence, expected] of cases) {
    const source = claimsOf(sentence).claims[0]?.chain[0];
    assert.ok(source, sentence);
    for (const [k, v] of Object.entries(expected)) assert.equal((source as unknown as Record<string, unknown>)[k], v, `${sentence} → ${k}`);
  }
});

test('claims › source kinds: document, organisation, person with a title', () => {
  assert.equal(claimsOf('A report by the monitoring group said the town had fallen.').claims[0]!.chain[0]!.kind, 'document');
  assert.equal(claimsOf('The ministry said the town had fallen.').claims[0]!.chain[0]!.kind, 'organisation');
  const spokesman = claimsOf('The army spokesman said the town had fallen.').claims[0]!.chain[0]!;
  assert.deepEqual([spokesman.kind, spokesman.role], ['person', 'army spokesman']);
});

test('claims › a document a clause names is that document, by whom it was released: "Police released dramatic video showing …"', () => {
  const video = claimsOf('Police released dramatic video showing the rescue of a girl who was kidnapped in broad daylight.').claims[0]?.chain[0];
  assert.deepEqual([video?.kind, video?.name], ['document', 'dramatic video released by Police']);
  const report = claimsOf('A report by the monitoring group said the town had fallen.').claims[0]!.chain[0]!;
  assert.equal(report.name, 'report by the monitoring group', 'a noun phrase is named as before');
  const leaked = claimsOf('The leaked memo said the town had fallen.').claims[0]!.chain[0]!;
  assert.deepEqual([leaked.kind, leaked.name], ['document', 'leaked memo'], 'a participle before the noun is no clause');
});

// ---------------------------------------------------------------------------------------------------
// Stance and hedges

const STANCES: readonly [string, string][] = [
  ['The ministry said the strike hit a depot.', 'asserted'],
  ['The ministry confirmed that the strike hit a depot.', 'confirmed'],
  ['The ministry denied that the strike hit a depot.', 'denied'],
  ['The ministry categorically denied that the strike hit a depot.', 'denied'],
  ['The ministry rejected the claim that the strike hit a depot.', 'denied'],
  ['The ministry dismissed reports that the strike hit a depot.', 'denied'],
  ['The ministry called the report about the depot false.', 'denied'],
  ['Tehran has not officially acknowledged deploying advisers to Iraq.', 'not-acknowledged'],
  ['The ministry declined to comment on the strike.', 'not-acknowledged'],
  ['The ministry would neither confirm nor deny that the strike hit a depot.', 'not-acknowledged'],
  ['The ministry said the strike may have hit a depot.', 'speculated'],
  ['The commander is believed to have been killed in the strike.', 'speculated'],
];

for (const [sentence, stance] of STANCES) {
  test(`claims › stance ${stance}: ${sentence}`, () => {
    const { claims } = claimsOf(sentence, [['Iran', 'LOC'], ['Syria', 'LOC']]);
    assert.equal(claims.length, 1, JSON.stringify(claims));
    assert.equal(claims[0]!.stance, stance);
  });
}

test('claims › hedges set isHedged: reportedly, allegedly, was said to, claimed', () => {
  for (const sentence of [
    'The ministry said the depot was reportedly destroyed.',
    'The militia allegedly shelled the market, the monitor said.',
    'The general was said to be in Moscow.',
    'The rebels claimed that they had shot down a helicopter.',
  ]) {
    const { claims } = claimsOf(sentence);
    assert.equal(claims.length, 1, sentence);
    assert.equal(claims[0]!.isHedged, true, sentence);
  }
  assert.equal(claimsOf('The ministry said the depot was destroyed.').claims[0]!.isHedged, false);
});

test('claims › an agentless "was reported" is a hedged claim in the article voice', () => {
  const { text, claims } = claimsOf('Heavy shelling was reported near the airport on Sunday.');
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.cue), 'was reported');
  assert.deepEqual(claims[0]!.chain.map((l) => l.kind), ['article']);
  assert.equal(claims[0]!.isHedged, true);
});

test('claims › a denial in a later sentence points at the claim it denies', () => {
  const { claims } = claimsOf(
    'According to Fox News, multiple intelligence sources report that the general flew to Moscow last week. The Kremlin denied the report.',
    [['Fox News', 'ORG'], ['Kremlin', 'ORG'], ['Moscow', 'LOC']],
  );
  assert.equal(claims.length, 2);
  assert.equal(claims[1]!.stance, 'denied');
  assert.equal(claims[1]!.respondsToClaimId, claims[0]!.id);
});

test('claims › a denial that restates the content links by shared words', () => {
  const { claims } = claimsOf(
    'Rebel commanders said government jets bombed the hospital in Idlib. The defence ministry said the situation was calm. The ministry denied that its jets bombed the hospital.',
  );
  const denial = claims.find((c) => c.stance === 'denied')!;
  assert.equal(denial.respondsToClaimId, claims[0]!.id);
});

// ---------------------------------------------------------------------------------------------------
// Must not fire

const SILENT: readonly string[] = [
  'Award: Best compact camera of the year',
  'Cooling Test: The fan stayed quiet under full load for an hour.',
  'What Officials Say About The Ceasefire Plan',
  'You said the talks had failed.',
  'You can reportedly save a quarter of the fare by booking early.',
  'Rebuilding the bridge in a year? That’s easier said than done.',
  'The militia leader, known as “the Butcher”, was killed on Sunday.',
  'The so-called “moderate rebels” control the town.',
  'The film “Eye in the Sky” opened on Friday.',
  'The “ceasefire” lasted less than an hour.',
  'The so-called Islamic State lost the town.',
  'He reported for duty on Monday.',
  'The report was published on Monday.',
  'Troops added two checkpoints on the road.',
  'The committee declined sharply in membership.',
  'She read the book "War and Peace" twice.',
];

for (const sentence of SILENT) {
  test(`claims › must not fire: ${sentence}`, () => {
    assert.deepEqual(claimsOf(sentence).claims, []);
  });
}

// ---------------------------------------------------------------------------------------------------
// Stage contract

test('claims › the stage requires sentences and mentions and reads its lexicon from resources', () => {
  assert.deepEqual(claimsStage.requires, ['sentences', 'mentions']);
  assert.equal(claimsStage.assigns, 'claims');
  assert.throws(() => checkPipeline([claimsStage]), (e: unknown) => e instanceof DossierError && e.code === 'E_STAGE_MISSING_LAYER');
  const text = 'The ministry said the strike hit a depot.';
  const doc = makeDoc({ text, layers: { sentences: sentencesOf(text), mentions: [] } });
  const { doc: out } = runStages(doc, [claimsStage], { publishedAt: undefined, resources: createResources({ [CLAIMS_LEXICON]: lexicon }) });
  assert.equal(out.layers.claims?.length, 1);
  assert.throws(
    () => runStages(doc, [claimsStage], { publishedAt: undefined, resources: createResources({}) }),
    (e: unknown) => e instanceof DossierError && /claims\.lexicon/.test(e.message),
  );
});

test('claims › output is deterministic', () => {
  const text = 'According to Fox News, sources report that the general flew to Moscow. The Kremlin denied the report.';
  assert.deepEqual(claimsOf(text).claims, claimsOf(text).claims);
});

test('claims › "did not respond to a request for comment" is not acknowledged, with nothing claimed', () => {
  const { claims } = claimsOf('The harbour company said the spill was contained. The environment agency did not immediately respond to a request for comment.', [['The environment agency', 'ORG']]);
  const silent = claims.find((c) => c.stance === 'not-acknowledged');
  assert.ok(silent, JSON.stringify(claims.map((c) => [c.stance, c.chain.map((s) => s.name)])));
  assert.deepEqual(silent.chain.map((s) => s.name), ['environment agency']);
  assert.equal(silent.content.end - silent.content.start, 0);
});

test('claims › the time a source spoke is not part of its name: "a spokesman for the agency on Thursday said"', () => {
  const { claims } = claimsOf('A spokesman for the river agency on Thursday said that the dam was safe.');
  assert.deepEqual(claims.map((c) => c.chain.map((s) => s.name)), [['spokesman for the river agency']]);
});

// ---------------------------------------------------------------------------------------------------
// Who "he" is, and what is never a source

function entitiesDoc(text: string, forms: readonly (readonly [string, MentionType])[], entities: readonly { id: string; name: string; surfaces: readonly string[]; references: readonly string[] }[]): ClaimRecord[] {
  const mentions = mentionsOf(text, forms);
  const refsOf = (words: readonly string[]) =>
    words.map((w) => {
      const [word, nth] = w.split('#') as [string, string | undefined];
      const hits = [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))];
      const at = hits[Number(nth ?? 1) - 1]!.index;
      return { start: at, end: at + word.length, text: word, rule: 'pronoun' as const };
    });
  const layerEntities = entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: 'PER' as const,
    kind: 'person' as const,
    mentionIds: mentions.filter((m) => e.surfaces.includes(m.text)).map((m) => m.id),
    aliases: [],
    roles: [],
    references: refsOf(e.references),
  }));
  return extractClaims(makeDoc({ text, layers: { sentences: sentencesOf(text), mentions, entities: layerEntities } }), lexicon);
}

test('claims › "he said" after a quote is not the person the quote is about, even when coreference says so', () => {
  const text = 'Governor Tom Reyes said the audit was finished. “Paul Ortiz never asked for the money,” he said.';
  const claims = entitiesDoc(text, [['Tom Reyes', 'PER'], ['Paul Ortiz', 'PER']], [
    { id: 'e1', name: 'Tom Reyes', surfaces: ['Tom Reyes'], references: [] },
    { id: 'e2', name: 'Paul Ortiz', surfaces: ['Paul Ortiz'], references: ['he'] },
  ]);
  const quote = claims.find((c) => c.isDirectQuote)!;
  assert.equal(quote.chain[0]!.entityId, 'e1');
  assert.equal(quote.chain[0]!.name, 'Tom Reyes');
  assert.equal(at(text, quote.chain[0]!.span), 'he');
});

test('claims › "he said" after a quote is not the person who was told', () => {
  const text = 'Mayor Alan Ruiz told Victor Dole on Monday that the vote would be delayed. “We need more time to count,” he said.';
  const claims = entitiesDoc(text, [['Alan Ruiz', 'PER'], ['Victor Dole', 'PER']], [
    { id: 'e1', name: 'Alan Ruiz', surfaces: ['Alan Ruiz'], references: [] },
    { id: 'e2', name: 'Victor Dole', surfaces: ['Victor Dole'], references: ['he'] },
  ]);
  const quote = claims.find((c) => c.isDirectQuote)!;
  assert.equal(quote.chain[0]!.name, 'Alan Ruiz');
});

test('claims › "he said" with no resolution takes the person the previous sentence opens with', () => {
  const { claims } = claimsOf('Tim Rowe was the third witness to testify on Tuesday. He said he was not worried about the call.', [['Tim Rowe', 'PER']]);
  assert.equal(claims[0]!.chain[0]!.name, 'Tim Rowe');
});

test('claims › a pronoun that coreference resolved to the speaker keeps that resolution', () => {
  const text = 'Victor Dole spoke to reporters outside the hall. “The count will be done by Friday,” he said.';
  const claims = entitiesDoc(text, [['Victor Dole', 'PER']], [{ id: 'e2', name: 'Victor Dole', surfaces: ['Victor Dole'], references: ['he'] }]);
  assert.equal(claims[0]!.chain[0]!.entityId, 'e2');
  assert.equal(claims[0]!.chain[0]!.isUnresolved, undefined);
});

test('claims › an unresolved "he" is an unidentified speaker, never the last-named person', () => {
  const { text, claims } = claimsOf('The council met Paul Ortiz on Monday. “The numbers do not add up,” he said.', [['Paul Ortiz', 'PER']]);
  assert.equal(claims.length, 1);
  assert.equal(claims[0]!.chain[0]!.kind, 'anonymous');
  assert.equal(claims[0]!.chain[0]!.name, 'unidentified speaker');
  assert.equal(claims[0]!.chain[0]!.isUnresolved, true);
  assert.equal(at(text, claims[0]!.chain[0]!.span), 'he');
});

test('claims › "Some say" and "they said" are unidentified speakers; "I" outside a quote is the writer', () => {
  const some = claimsOf('Some say the ceasefire will not hold past the weekend.').claims;
  assert.equal(some[0]!.chain[0]!.isUnresolved, true);
  assert.equal(some[0]!.chain[0]!.count, 'multiple');
  const they = claimsOf('They said the convoy had turned back at the border.').claims;
  assert.deepEqual([they[0]!.chain[0]!.name, they[0]!.chain[0]!.isUnresolved], ['unidentified speakers', true]);
  const writer = claimsOf('I said last year that the port would never reopen.', [], 'The Harbour Times').claims;
  assert.deepEqual([writer[0]!.chain[0]!.kind, writer[0]!.chain[0]!.name], ['article', 'The Harbour Times']);
});

test('claims › a headline naming its source by an organisation noun is still a claim; a page label is not', () => {
  assert.equal(claimsOf('Ministry: Border crossing will reopen on Monday').claims.length, 1);
  assert.equal(claimsOf('Battery Life: About nine hours of video playback').claims.length, 0);
});

// ---------------------------------------------------------------------------------------------------
// Nested attribution

const chainOf = (text: string, c: ClaimRecord): string[] => c.chain.map((l) => (l.span ? at(text, l.span) : l.name));

test('claims › nested: "Reuters reported that officials told state TV that …" is a three-link chain with the officials speaking', () => {
  const { text, claims } = claimsOf('Reuters reported that officials told state TV that the dam on the river had been breached.');
  const inner = claims.find((c) => c.cueLemma === 'tell')!;
  assert.deepEqual(chainOf(text, inner), ['Reuters', 'state TV', 'officials']);
  assert.equal(inner.cueSourceIndex, 2);
  assert.equal(at(text, inner.content), 'that the dam on the river had been breached');
});

test('claims › nested: "X said Y told him …" puts X outside Y', () => {
  const { text, claims } = claimsOf('Senator Ann Lowe said the city treasurer told her that the budget was short by a third.', [['Ann Lowe', 'PER']]);
  const inner = claims.find((c) => c.cueLemma === 'tell')!;
  assert.deepEqual(chainOf(text, inner), ['Senator Ann Lowe', 'the city treasurer']);
});

test('claims › nested: a trailing attribution holds the leading one it closes', () => {
  const { text, claims } = claimsOf('The mayor had told police officials that she did not want an escort, the aide added.');
  const inner = claims.find((c) => c.cueLemma === 'tell')!;
  assert.deepEqual(chainOf(text, inner), ['the aide', 'The mayor']);
  assert.equal(at(text, inner.content), 'that she did not want an escort');
});

test('claims › the addressee is not the source: "told reporters" adds nothing, "in an email to The Associated Press" is the relay', () => {
  const told = claimsOf('The minister told reporters that the road would reopen on Monday.');
  assert.deepEqual(chainOf(told.text, told.claims[0]!), ['The minister']);
  const email = claimsOf('The company said in an email to The Associated Press that no customer data was lost.');
  assert.deepEqual(email.claims[0]!.chain.map((l) => [l.kind, l.name]), [['outlet', 'Associated Press'], ['organisation', 'company']]);
  assert.equal(email.claims[0]!.cueSourceIndex, 1);
  const voa = claimsOf('“We never saw the letter,” Ortiz told VOA on Friday.', [['Ortiz', 'PER']]);
  assert.deepEqual(voa.claims[0]!.chain.map((l) => l.name), ['Voice of America', 'Ortiz']);
});

test('claims › "Clinton said she believes …" is no nesting: the same speaker is not a second link', () => {
  const { claims } = claimsOf('The governor said she believes the tax will pass.');
  assert.ok(claims.every((c) => c.chain.length === 1));
});

test("claims › quotation marks written as two apostrophes (''…'') are quotes, spans into the original text", () => {
  const text = "''We cannot pay for it this year,'' said Alan Reyes, the county treasurer.";
  const { claims } = claimsOf(text, [['Alan Reyes', 'PER']]);
  assert.equal(claims.length, 1);
  assert.equal(claims[0]!.isDirectQuote, true);
  assert.equal(at(text, claims[0]!.content), "''We cannot pay for it this year,''");
  assert.equal(claims[0]!.chain[0]!.name, 'Alan Reyes');
});

// ---------------------------------------------------------------------------------------------------
// With a dependency parse

/** A doc with a hand-built parse: rows are [word, head (1-based, 0 = root), relation], one sentence. */
function parsedClaims(text: string, rows: readonly (readonly [string, number, string, Upos?])[], forms: readonly (readonly [string, MentionType])[] = []): ClaimRecord[] {
  let from = 0;
  const spans = rows.map(([word, , , pos]) => {
    const start = text.indexOf(word, from);
    from = start + word.length;
    return { start, end: start + word.length, pos: pos ?? 'X' };
  });
  const tokens = makeTokenTable(spans);
  const deps = { length: rows.length, head: Int32Array.from(rows.map(([, h]) => h - 1)), label: Uint8Array.from(rows.map(([, , l]) => depLabelIndex(l))) };
  const sentences = [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: rows.length }];
  return extractClaims(makeDoc({ text, layers: { tokens, deps, sentences, mentions: mentionsOf(text, forms) } }), lexicon);
}

test('claims › with a parse, the speaker is the subject of the speech verb even past a relative clause with "that"', () => {
  const text = 'The label that owns her early albums, Big Machine, says she may play them on Sunday.';
  const claims = parsedClaims(text, [
    ['The', 2, 'det'], ['label', 12, 'nsubj'], ['that', 4, 'nsubj'], ['owns', 2, 'acl:relcl'], ['her', 7, 'nmod:poss'], ['early', 7, 'amod'],
    ['albums', 4, 'obj'], [',', 10, 'punct'], ['Big', 10, 'compound'], ['Machine', 2, 'appos'], [',', 10, 'punct'], ['says', 0, 'root', 'VERB'],
    ['she', 15, 'nsubj'], ['may', 15, 'aux'], ['play', 12, 'ccomp', 'VERB'], ['them', 15, 'obj'], ['on', 18, 'case'], ['Sunday', 15, 'obl'], ['.', 12, 'punct'],
  ], [['Big Machine', 'ORG']]);
  const c = claims.find((x) => x.cueLemma === 'say')!;
  assert.equal(at(text, c.chain[0]!.span), 'The label that owns her early albums, Big Machine');
  assert.equal(at(text, c.content), 'she may play them on Sunday');
});

test('claims › with a parse, a reporting verb the rules miss becomes a claim from its subject and complement', () => {
  // The rules read "official" before "wrote" as a noun marker ("an official report") and find nothing here.
  const text = 'A senior agency official wrote that the dam was unsafe.';
  assert.deepEqual(claimsOf(text).claims, []);
  const claims = parsedClaims(text, [
    ['A', 4, 'det'], ['senior', 4, 'amod'], ['agency', 4, 'compound'], ['official', 5, 'nsubj'], ['wrote', 0, 'root', 'VERB'], ['that', 10, 'mark'],
    ['the', 8, 'det'], ['dam', 10, 'nsubj'], ['was', 10, 'cop'], ['unsafe', 5, 'ccomp'], ['.', 5, 'punct'],
  ]);
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.chain[0]!.span), 'A senior agency official');
  assert.equal(claims[0]!.chain[0]!.kind, 'anonymous');
  assert.equal(at(text, claims[0]!.content), 'that the dam was unsafe');
});

test('claims › without a parse the same stage runs on its rules alone', () => {
  const text = 'The label that owns her early albums, Big Machine, says she may play them on Sunday.';
  const { claims } = claimsOf(text, [['Big Machine', 'ORG']]);
  assert.equal(claims.length, 1);
  assert.notEqual(at(text, claims[0]!.chain[0]!.span), 'The label that owns her early albums, Big Machine');
});

test('claims › mixed quotation marks (one curled, one straight) and ’’ closers still make a quote', () => {
  const mixed = claimsOf('"A great day for the county,” Mayor Ana Ruiz wrote on Tuesday.', [['Ana Ruiz', 'PER']]);
  assert.equal(mixed.claims[0]!.isDirectQuote, true);
  assert.equal(mixed.claims[0]!.chain[0]!.name, 'Ana Ruiz');
  const doubled = claimsOf('“It was an attempt to mislead voters,’’ Will Dorn told the BBC.', [['Will Dorn', 'PER']]);
  assert.deepEqual(doubled.claims[0]!.chain.map((l) => l.name), ['BBC', 'Will Dorn']);
});

test('claims › "said in a tweet" puts the platform outside the speaker; a title abbreviation is not the name', () => {
  const tweet = claimsOf('“The convoy was hit,” the group’s spokesman Omar Haddad said in a tweet.', [['Omar Haddad', 'PER']]);
  assert.deepEqual(tweet.claims[0]!.chain.map((l) => l.kind), ['social-media', 'person']);
  const title = claimsOf('Two men were arrested at the depot, said Lt Sam Ortiz, a police spokesman.', [['Lt', 'PER'], ['Sam Ortiz', 'PER']]);
  assert.equal(title.claims[0]!.chain[0]!.name, 'Sam Ortiz');
});

test('claims › "according to" a reporter of an outlet is that outlet', () => {
  const { claims } = claimsOf('The patient had eaten a wild rabbit, according to Alex Horton of the Washington Post.', [['Alex Horton', 'PER'], ['Washington Post', 'ORG']]);
  assert.deepEqual([claims[0]!.chain[0]!.kind, claims[0]!.chain[0]!.name], ['outlet', 'The Washington Post']);
});

test('claims › with a parse, a "Name: …" line with no verb is a list line, not a statement', () => {
  const list = parsedClaims('Jonathan Blair: Possession of heroin', [
    ['Jonathan', 2, 'compound', 'PROPN'], ['Blair', 0, 'root', 'PROPN'], [':', 2, 'punct', 'PUNCT'], ['Possession', 2, 'appos', 'NOUN'], ['of', 6, 'case', 'ADP'], ['heroin', 4, 'nmod', 'NOUN'],
  ], [['Jonathan Blair', 'PER']]);
  assert.deepEqual(list, []);
  const statement = parsedClaims('Kremlin: Report of secret trip is false', [
    ['Kremlin', 8, 'nsubj', 'PROPN'], [':', 1, 'punct', 'PUNCT'], ['Report', 8, 'nsubj', 'NOUN'], ['of', 6, 'case', 'ADP'], ['secret', 6, 'amod', 'ADJ'], ['trip', 3, 'nmod', 'NOUN'],
    ['is', 8, 'cop', 'AUX'], ['false', 0, 'root', 'ADJ'],
  ], [['Kremlin', 'ORG']]);
  assert.equal(statement.length, 1);
});

test('claims › with a parse, "X said he was told by Y to …" is a two-link chain with Y speaking', () => {
  const text = 'Vindman said he was told by John Bolton to go straight to the lawyers.';
  const claims = parsedClaims(text, [
    ['Vindman', 2, 'nsubj', 'PROPN'], ['said', 0, 'root', 'VERB'], ['he', 5, 'nsubj:pass', 'PRON'], ['was', 5, 'aux:pass', 'AUX'], ['told', 2, 'ccomp', 'VERB'],
    ['by', 8, 'case', 'ADP'], ['John', 8, 'compound', 'PROPN'], ['Bolton', 5, 'obl:agent', 'PROPN'], ['to', 10, 'mark', 'PART'], ['go', 5, 'xcomp', 'VERB'],
    ['straight', 10, 'advmod', 'ADV'], ['to', 14, 'case', 'ADP'], ['the', 14, 'det', 'DET'], ['lawyers', 10, 'obl', 'NOUN'], ['.', 2, 'punct', 'PUNCT'],
  ], [['Vindman', 'PER'], ['John Bolton', 'PER']]);
  const inner = claims.find((c) => c.cueLemma === 'tell')!;
  assert.deepEqual(inner.chain.map((l) => l.name), ['Vindman', 'John Bolton']);
  assert.equal(at(text, inner.chain[1]!.span), 'John Bolton');
  assert.equal(at(text, inner.content), 'to go straight to the lawyers');
});

test('claims › a pronoun inside the content resolved to the speaker does not veto the speaker ("he admitted that he took …")', () => {
  const text = 'In an interview with police, Tom Reyes admitted that he drove the van. Later that evening, he admitted that he took the money.';
  const claims = entitiesDoc(text, [['Tom Reyes', 'PER']], [{ id: 'e1', name: 'Tom Reyes', surfaces: ['Tom Reyes'], references: ['he#1', 'he#3'] }]);
  assert.equal(claims.length, 2);
  assert.equal(claims[1]!.chain[0]!.entityId, 'e1');
  assert.equal(claims[1]!.chain[0]!.isUnresolved, undefined);
});

test('claims › "the group" resolved by the entity stage to an entity is named by it; "NPR\'s Feng" relays for NPR', () => {
  const text = 'The Harbour Workers Union met on Monday. The group said that the strike would go on.';
  const mentions = mentionsOf(text, [['Harbour Workers Union', 'ORG']]);
  const at0 = text.indexOf('The group');
  const doc = makeDoc({
    text,
    layers: {
      sentences: sentencesOf(text),
      mentions,
      entities: [{ id: 'e1', name: 'Harbour Workers Union', type: 'ORG', kind: 'organisation', mentionIds: ['m1'], aliases: [], roles: [], references: [{ start: at0, end: at0 + 9, text: 'The group', rule: 'nominal' }] }],
    },
  });
  const claim = extractClaims(doc, lexicon)[0]!;
  assert.deepEqual([claim.chain[0]!.kind, claim.chain[0]!.name, claim.chain[0]!.entityId], ['organisation', 'Harbour Workers Union', 'e1']);
  const npr = claimsOf('The couple arrived on November 3, according to NPR’s Feng.', [['NPR', 'ORG'], ['Feng', 'PER']]);
  assert.deepEqual([npr.claims[0]!.chain[0]!.kind, npr.claims[0]!.chain[0]!.name], ['outlet', 'NPR']);
});

test('claims › issue 14: ", telling reporters, “…”" and ", saying, “…”" take the quote after the comma as content', () => {
  const { text, claims } = claimsOf('Weaver did not seem impressed, telling reporters, “A lot of people said the governor should step down.” Albright urged voters to back Clinton, saying, “There is a special place in hell for them.”', [['Weaver', 'PER'], ['Albright', 'PER'], ['Clinton', 'PER']]);
  const telling = claims.find((c) => c.cueLemma === 'tell')!;
  assert.equal(at(text, telling.content), '“A lot of people said the governor should step down.”');
  assert.equal(telling.chain[telling.cueSourceIndex]!.name, 'Weaver');
  assert.equal(telling.isDirectQuote, true);
  const saying = claims.find((c) => c.cueLemma === 'say' && at(text, c.content).startsWith('“There'))!;
  assert.equal(saying.chain[saying.cueSourceIndex]!.name, 'Albright');
});

test('claims › issue 14: a parenthetical "…, he said, the …" keeps both parts of its content', () => {
  const { text, claims } = claimsOf('If the bill fails, Senator Lowe said, the government will fall.', [['Lowe', 'PER']]);
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.content), 'If the bill fails, Senator Lowe said, the government will fall');
  assert.deepEqual(claims[0]!.contentParts.map((p) => at(text, p)), ['If the bill fails', 'the government will fall']);
});

test('claims › issue 14: with a parse, "Name, 59, of Town, said …" is not the inverted "…, said X"', () => {
  const text = 'Mona Reed, 59, of Dayton, said she liked the plan.';
  const claims = parsedClaims(text, [
    ['Mona', 9, 'nsubj', 'PROPN'], ['Reed', 1, 'flat', 'PROPN'], [',', 4, 'punct', 'PUNCT'], ['59', 1, 'appos', 'NUM'], [',', 7, 'punct', 'PUNCT'], ['of', 7, 'case', 'ADP'],
    ['Dayton', 1, 'nmod', 'PROPN'], [',', 1, 'punct', 'PUNCT'], ['said', 0, 'root', 'VERB'], ['she', 11, 'nsubj', 'PRON'], ['liked', 9, 'ccomp', 'VERB'], ['the', 13, 'det', 'DET'],
    ['plan', 11, 'obj', 'NOUN'], ['.', 9, 'punct', 'PUNCT'],
  ], [['Mona Reed', 'PER'], ['Dayton', 'LOC']]);
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.content), 'she liked the plan');
  assert.match(at(text, claims[0]!.chain[claims[0]!.cueSourceIndex]!.span), /^Mona Reed/);
});

test('claims › issue 14: with a parse, a title the parser hangs on the verb as a second subject stays in the speaker phrase', () => {
  const text = 'Republican front-runner Donald Trump said that he would win.';
  const claims = parsedClaims(text, [
    ['Republican', 2, 'amod', 'ADJ'], ['front-runner', 5, 'nsubj', 'NOUN'], ['Donald', 5, 'nsubj', 'PROPN'], ['Trump', 3, 'flat', 'PROPN'], ['said', 0, 'root', 'VERB'],
    ['that', 9, 'mark', 'SCONJ'], ['he', 9, 'nsubj', 'PRON'], ['would', 9, 'aux', 'AUX'], ['win', 5, 'ccomp', 'VERB'], ['.', 5, 'punct', 'PUNCT'],
  ], [['Donald Trump', 'PER']]);
  assert.equal(at(text, claims[0]!.chain[claims[0]!.cueSourceIndex]!.span), 'Republican front-runner Donald Trump');
});

test('claims › issue 14: a claim in a sentence-opening subordinate clause has its own speaker and ends at the clause', () => {
  const { text, claims } = claimsOf('After the Clinton camp announced that it would invite Mark Cuban, Trump invited Flowers.', [['Clinton', 'PER'], ['Mark Cuban', 'PER'], ['Trump', 'PER']]);
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.chain[claims[0]!.cueSourceIndex]!.span), 'the Clinton camp');
  assert.equal(at(text, claims[0]!.content), 'that it would invite Mark Cuban');
});

test('claims › issue 14: with a parse, a subject borrowed from the main verb does not replace the speaker right before the cue', () => {
  const text = 'The senator called on voters to reject Trump after the mogul claimed that a judge was biased.';
  const claims = parsedClaims(text, [
    ['The', 2, 'det', 'DET'], ['senator', 3, 'nsubj', 'NOUN'], ['called', 0, 'root', 'VERB'], ['on', 5, 'case', 'ADP'], ['voters', 3, 'obl', 'NOUN'], ['to', 7, 'mark', 'PART'],
    ['reject', 3, 'xcomp', 'VERB'], ['Trump', 7, 'obj', 'PROPN'], ['after', 11, 'case', 'ADP'], ['the', 11, 'det', 'DET'], ['mogul', 3, 'obl', 'NOUN'], ['claimed', 3, 'advcl', 'VERB'],
    ['that', 17, 'mark', 'SCONJ'], ['a', 15, 'det', 'DET'], ['judge', 17, 'nsubj', 'NOUN'], ['was', 17, 'cop', 'AUX'], ['biased', 12, 'ccomp', 'ADJ'], ['.', 3, 'punct', 'PUNCT'],
  ], [['Trump', 'PER']]);
  const claimed = claims.find((c) => c.cueLemma === 'claim')!;
  assert.equal(at(text, claimed.chain[claimed.cueSourceIndex]!.span), 'the mogul');
});

test('claims › issue 14: "X said Y was wrong when he told …" — "he" inside X\'s words after Y is named is not X, and X relays it', () => {
  const { text, claims } = claimsOf('Senator Lowe said Smith was wrong when he told reporters that the war was over.', [['Senator Lowe', 'PER'], ['Smith', 'PER']]);
  const told = claims.find((c) => c.cueLemma === 'tell')!;
  assert.equal(told.chain.length, 2);
  assert.equal(told.chain[0]!.name, 'Senator Lowe');
  assert.notEqual(told.chain[1]!.name, 'Senator Lowe');
  assert.equal(at(text, told.chain[1]!.span), 'he');
});

test('claims › issue 14: "He notes that the Commission announced …" nests under a noting verb too', () => {
  const { claims } = claimsOf('Governor Pence notes that the Commission on Presidential Debates announced on Friday that the microphone had failed.', [['Governor Pence', 'PER'], ['Commission on Presidential Debates', 'ORG']]);
  const announced = claims.find((c) => c.cueLemma === 'announce')!;
  assert.deepEqual(announced.chain.map((l) => l.name), ['Governor Pence', 'Commission on Presidential Debates']);
});

test('claims › issue 14: a content stops before a reporting participle after a comma, which keeps the speaker', () => {
  const { text, claims } = claimsOf('Sanders said the system was broken, conceding that reform would take years.', [['Sanders', 'PER']]);
  const said = claims.find((c) => c.cueLemma === 'say')!;
  assert.equal(at(text, said.content), 'the system was broken');
  const conceding = claims.find((c) => c.cueLemma === 'concede')!;
  assert.equal(conceding.chain[conceding.cueSourceIndex]!.name, 'Sanders');
});

test('claims › issue 14: with a parse, a content stops before a verb sharing the cue\'s subject and before the time of saying', () => {
  const text = 'Trump said he was ahead and thanked voters.';
  const claims = parsedClaims(text, [
    ['Trump', 2, 'nsubj', 'PROPN'], ['said', 0, 'root', 'VERB'], ['he', 5, 'nsubj', 'PRON'], ['was', 5, 'cop', 'AUX'], ['ahead', 2, 'ccomp', 'ADV'], ['and', 7, 'cc', 'CCONJ'],
    ['thanked', 2, 'conj', 'VERB'], ['voters', 7, 'obj', 'NOUN'], ['.', 2, 'punct', 'PUNCT'],
  ], [['Trump', 'PER']]);
  assert.equal(at(text, claims.find((c) => c.cueLemma === 'say')!.content), 'he was ahead');
  const timed = 'Cruz said the plan was good and the team was ready on Tuesday.';
  const kept = parsedClaims(timed, [
    ['Cruz', 2, 'nsubj', 'PROPN'], ['said', 0, 'root', 'VERB'], ['the', 4, 'det', 'DET'], ['plan', 6, 'nsubj', 'NOUN'], ['was', 6, 'cop', 'AUX'], ['good', 2, 'ccomp', 'ADJ'],
    ['and', 11, 'cc', 'CCONJ'], ['the', 9, 'det', 'DET'], ['team', 11, 'nsubj', 'NOUN'], ['was', 11, 'cop', 'AUX'], ['ready', 6, 'conj', 'ADJ'], ['on', 13, 'case', 'ADP'],
    ['Tuesday', 2, 'obl', 'PROPN'], ['.', 2, 'punct', 'PUNCT'],
  ], [['Cruz', 'PER']]);
  assert.equal(at(timed, kept[0]!.content), 'the plan was good and the team was ready');
});

test('claims › issue 14: speaker phrases keep title abbreviations and brackets, and drop datelines, ages and asides', () => {
  const quote = '“We will win,” said Sen. Bernie Sanders (I-Vt.).';
  const one = extractClaims(makeDoc({ text: quote, layers: { sentences: [{ start: 0, end: quote.length, tokenStart: 0, tokenEnd: 0 }], mentions: mentionsOf(quote, [['Bernie Sanders', 'PER']]) } }), lexicon);
  assert.equal(at(quote, one[0]!.chain[one[0]!.cueSourceIndex]!.span), 'Sen. Bernie Sanders (I-Vt.)');
  const { text, claims } = claimsOf('Renee Gold, 83, of Sarasota, Florida, said that she voted. Corey Lewandowski, in a statement released by the campaign, said the event was over. NEW YORK, Dec 22 (UPI) — Chelsea Clinton announced that she was pregnant.', [['Renee Gold', 'PER'], ['Corey Lewandowski', 'PER'], ['Chelsea Clinton', 'PER']]);
  assert.deepEqual(claims.map((c) => at(text, c.chain[c.cueSourceIndex]!.span)), ['Renee Gold', 'Corey Lewandowski', 'Chelsea Clinton']);
});

test('claims › issue 14: a reported content that opens a quotation runs to its closing mark across sentences', () => {
  const { text, claims } = claimsOf('Trump said Clinton is “in the pocket of Big Oil. He has got to be for oil, right?” The crowd cheered.', [['Trump', 'PER'], ['Clinton', 'PER']]);
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.content), 'Clinton is “in the pocket of Big Oil. He has got to be for oil, right?”');
});

test('claims › issue 14 §3: a content ends where the writer takes over (a closing "who" clause, a last dash clause, "in an interview")', () => {
  const { text, claims } = claimsOf(
    'Morales said the tax would hit farmers hardest, who have already lost a season. The mayor said the bridge would open in May — a date the council has missed twice before. Okafor said the budget was balanced in an interview with the Daily Ledger on Sunday. Reyes said the talks, which began in March, would go on.',
    [['Morales', 'PER'], ['Okafor', 'PER'], ['Reyes', 'PER']],
  );
  assert.deepEqual(claims.map((c) => at(text, c.content)), [
    'the tax would hit farmers hardest',
    'the bridge would open in May',
    'the budget was balanced',
    // A "which" clause closed by its comma is inside the content, not a closing aside.
    'the talks, which began in March, would go on',
  ]);
  // Paired dashes enclose an aside inside the content: nothing is cut.
  const paired = claimsOf('Lindqvist said the port — closed since June — would reopen this week.', [['Lindqvist', 'PER']]);
  assert.equal(at(paired.text, paired.claims[0]!.content), 'the port — closed since June — would reopen this week');
});

test('claims › issue 14 §3: "Name, who …, said" keeps the "who" clause in the speaker phrase', () => {
  const { text, claims } = claimsOf('Adaeze Okonkwo, who ran the clinic for a decade, said the money never arrived.', [['Adaeze Okonkwo', 'PER']]);
  assert.equal(at(text, claims[0]!.chain[claims[0]!.cueSourceIndex]!.span), 'Adaeze Okonkwo, who ran the clinic for a decade');
  assert.equal(at(text, claims[0]!.content), 'the money never arrived');
  // A "who" clause with its own reporting verb is another claim's business: the speaker is not widened over it.
  const other = claimsOf('Okonkwo, who said last year that she would retire, told reporters the clinic would close.', [['Okonkwo', 'PER']]);
  const told = other.claims.find((c) => c.cueLemma === 'tell')!;
  assert.ok(!at(other.text, told.chain[told.cueSourceIndex]!.span).includes('retire'));
});

test('claims › issue 14 §3: with a parse, title words the parser cut off before the name are part of the speaker', () => {
  // The parser hangs "candidate" on the verb and leaves "Donald Trump" alone as the subject (seen on real parses).
  const text = 'Republican presidential candidate Donald Trump said the wall would be built.';
  const claims = parsedClaims(text, [
    ['Republican', 3, 'amod', 'ADJ'], ['presidential', 3, 'amod', 'ADJ'], ['candidate', 6, 'ccomp', 'NOUN'], ['Donald', 6, 'nsubj', 'PROPN'], ['Trump', 4, 'flat', 'PROPN'],
    ['said', 0, 'root', 'VERB'], ['the', 8, 'det', 'DET'], ['wall', 11, 'nsubj:pass', 'NOUN'], ['would', 11, 'aux', 'AUX'], ['be', 11, 'aux:pass', 'AUX'], ['built', 6, 'ccomp', 'VERB'], ['.', 6, 'punct', 'PUNCT'],
  ], [['Donald Trump', 'PER']]);
  const c = claims.find((x) => x.cueLemma === 'say')!;
  assert.equal(at(text, c.chain[c.cueSourceIndex]!.span), 'Republican presidential candidate Donald Trump');
  // A time before the name is not a title: "Last week Trump said" keeps "Trump".
  const timed = 'Last week Trump said the wall would be built.';
  const t = parsedClaims(timed, [
    ['Last', 2, 'amod', 'ADJ'], ['week', 4, 'obl:tmod', 'NOUN'], ['Trump', 4, 'nsubj', 'PROPN'], ['said', 0, 'root', 'VERB'], ['the', 6, 'det', 'DET'], ['wall', 9, 'nsubj:pass', 'NOUN'],
    ['would', 9, 'aux', 'AUX'], ['be', 9, 'aux:pass', 'AUX'], ['built', 4, 'ccomp', 'VERB'], ['.', 4, 'punct', 'PUNCT'],
  ], [['Trump', 'PER']]);
  assert.equal(at(timed, t[0]!.chain[t[0]!.cueSourceIndex]!.span), 'Trump');
});

test('claims › issue 14 §3: a name modifying a common-noun head names the whole phrase ("the US military", "the Trump campaign")', () => {
  const { claims } = claimsOf(
    'The US military said the crash was an accident. The French foreign ministry said the move was illegal. The Okafor campaign said it raised two million dollars. Hezbollah said it fired rockets.',
    [['US', 'LOC'], ['French', 'MISC'], ['Okafor', 'PER'], ['Hezbollah', 'ORG']],
  );
  assert.deepEqual(claims.map((c) => [c.chain[c.cueSourceIndex]!.kind, c.chain[c.cueSourceIndex]!.name]), [
    ['organisation', 'US military'],
    ['organisation', 'French foreign ministry'],
    ['organisation', 'Okafor campaign'],
    ['organisation', 'Hezbollah'],
  ]);
});

test('claims › issue 14 §3: with a parse, a third party\'s report inside a quotation is a claim relayed by the quote\'s speaker', () => {
  const text = '“Specifically, Ambassador Lindqvist confirmed that the aid was never held,” Moreau said.';
  const claims = parsedClaims(text, [
    ['“', 6, 'punct', 'PUNCT'], ['Specifically', 6, 'advmod', 'ADV'], [',', 6, 'punct', 'PUNCT'], ['Ambassador', 5, 'compound', 'PROPN'], ['Lindqvist', 6, 'nsubj', 'PROPN'],
    ['confirmed', 16, 'ccomp', 'VERB'], ['that', 12, 'mark', 'SCONJ'], ['the', 9, 'det', 'DET'], ['aid', 12, 'nsubj:pass', 'NOUN'], ['was', 12, 'aux:pass', 'AUX'],
    ['never', 12, 'advmod', 'ADV'], ['held', 6, 'ccomp', 'VERB'], [',', 6, 'punct', 'PUNCT'], ['”', 6, 'punct', 'PUNCT'], ['Moreau', 16, 'nsubj', 'PROPN'],
    ['said', 0, 'root', 'VERB'], ['.', 16, 'punct', 'PUNCT'],
  ], [['Lindqvist', 'PER'], ['Moreau', 'PER']]);
  const inner = claims.find((c) => c.cueLemma === 'confirm')!;
  assert.ok(inner, 'the report inside the quotation is a claim');
  assert.deepEqual(inner.chain.map((l) => l.name), ['Moreau', 'Lindqvist']);
  assert.equal(inner.cueSourceIndex, 1);
  assert.equal(at(text, inner.content), 'that the aid was never held');
  // The quoted speaker's own voice ("I said", "you say") is not a third party's report.
  const own = '“I said that the aid was never held,” Moreau said.';
  const ownClaims = parsedClaims(own, [
    ['“', 3, 'punct', 'PUNCT'], ['I', 3, 'nsubj', 'PRON'], ['said', 12, 'ccomp', 'VERB'], ['that', 9, 'mark', 'SCONJ'], ['the', 6, 'det', 'DET'], ['aid', 9, 'nsubj:pass', 'NOUN'],
    ['was', 9, 'aux:pass', 'AUX'], ['never', 9, 'advmod', 'ADV'], ['held', 3, 'ccomp', 'VERB'], [',', 3, 'punct', 'PUNCT'], ['”', 3, 'punct', 'PUNCT'], ['Moreau', 12, 'nsubj', 'PROPN'],
    ['said', 0, 'root', 'VERB'], ['.', 12, 'punct', 'PUNCT'],
  ], [['Moreau', 'PER']]);
  assert.equal(ownClaims.length, 1);
  assert.deepEqual(ownClaims[0]!.chain.map((l) => l.name), ['Moreau']);
});

test('claims › issue 14 §3: "“…,” Mr. Okafor said. “…”" — a title\'s period does not end the attribution, and the next quote continues it', () => {
  const text = '“The reservoir is at its lowest level in forty years, and the rains are late,” Mr. Okafor said. “If nothing changes by June, the city will ration water.”';
  // Sentences as the real splitter makes them (the helper's splitter would break after "Mr.").
  const second = text.indexOf('“If');
  const sentences = [{ start: 0, end: second - 1, tokenStart: 0, tokenEnd: 0 }, { start: second, end: text.length, tokenStart: 0, tokenEnd: 0 }];
  const claims = extractClaims(makeDoc({ text, layers: { sentences, mentions: mentionsOf(text, [['Okafor', 'PER']]) } }), lexicon);
  assert.equal(claims.length, 1);
  const c = claims[0]!;
  assert.equal(at(text, c.chain[0]!.span), 'Mr. Okafor');
  assert.equal(c.isDirectQuote, true);
  assert.equal(c.contentParts.length, 2);
  assert.equal(at(text, c.contentParts[1]), '“If nothing changes by June, the city will ration water.”');
});

test('claims › issue 14 §3: a speaker closed by a party bracket after an opening adverb ("However, Rep. Lynch (D-Mass.) said") is read', () => {
  const text = 'The committee voted to go ahead. However, Rep. Dana Lynch (D-Ore.) said the law does not oblige witnesses to appear in person.';
  const second = text.indexOf('However');
  const sentences = [{ start: 0, end: second - 1, tokenStart: 0, tokenEnd: 0 }, { start: second, end: text.length, tokenStart: 0, tokenEnd: 0 }];
  const claims = extractClaims(makeDoc({ text, layers: { sentences, mentions: mentionsOf(text, [['Dana Lynch', 'PER']]) } }), lexicon);
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.chain[0]!.span), 'Rep. Dana Lynch (D-Ore.)');
  assert.equal(at(text, claims[0]!.content), 'the law does not oblige witnesses to appear in person');
});

test('claims › issue 14 §3: a quoted title after a preposition or possessive is not the words the next verb reports', () => {
  const { claims } = claimsOf('In an interview on the station\'s “Morning Desk,” Mayor Ines Duarte said the bridge would reopen in May.', [['Ines Duarte', 'PER']]);
  assert.ok(claims.every((c) => !c.isDirectQuote), 'the programme title is not a quote');
});

test('claims › issue 14 §3: with a parse, a verb that reports no noun phrase makes no claim of its object ("Back when he wrote his book, …")', () => {
  const text = 'Back when he wrote his book, Mr. Hale said that he avoided debt.';
  const claims = parsedClaims(text, [
    ['Back', 4, 'advmod', 'ADV'], ['when', 4, 'advmod', 'SCONJ'], ['he', 4, 'nsubj', 'PRON'], ['wrote', 10, 'advcl', 'VERB'], ['his', 6, 'nmod:poss', 'PRON'],
    ['book', 4, 'obj', 'NOUN'], [',', 4, 'punct', 'PUNCT'], ['Mr.', 9, 'compound', 'PROPN'], ['Hale', 10, 'nsubj', 'PROPN'], ['said', 0, 'root', 'VERB'],
    ['that', 14, 'mark', 'SCONJ'], ['he', 14, 'nsubj', 'PRON'], ['avoided', 10, 'ccomp', 'VERB'], ['debt', 13, 'obj', 'NOUN'], ['.', 10, 'punct', 'PUNCT'],
  ], [['Hale', 'PER']]);
  assert.deepEqual(claims.map((c) => c.cueLemma), ['say']);
  assert.equal(claims[0]!.chain.length, 1);
  assert.equal(at(text, claims[0]!.chain[0]!.span), 'Mr. Hale');
});

test('claims › issue 14 §3: with a parse, an "object" followed by its own verb is a clause the parser cut short', () => {
  const text = 'Many economists say the tax plan favours landlords.';
  const claims = parsedClaims(text, [
    ['Many', 2, 'amod', 'ADJ'], ['economists', 3, 'nsubj', 'NOUN'], ['say', 0, 'root', 'VERB'], ['the', 6, 'det', 'DET'], ['tax', 6, 'compound', 'NOUN'],
    ['plan', 3, 'obj', 'NOUN'], ['favours', 3, 'dep', 'VERB'], ['landlords', 7, 'obj', 'NOUN'], ['.', 3, 'punct', 'PUNCT'],
  ]);
  assert.equal(claims.length, 1);
  assert.equal(at(text, claims[0]!.content), 'the tax plan favours landlords');
});

test('claims › issue 14 §3: a quote signed by a name after a dash is that person\'s, and the next signed quote is another\'s', () => {
  const { text, claims } = claimsOf(
    'Readers told us what they thought of the debate.\n\n“He never answers a question about the budget.” ― Marta Quiroga\n\n“Maybe we can build a wall around the council.” — Dr. Ben Tull.\n\n“Empty streets at dawn.” — Photo: Lee Park',
    [['Marta Quiroga', 'PER'], ['Ben Tull', 'PER'], ['Lee Park', 'PER']],
  );
  const quotes = claims.filter((c) => c.isDirectQuote);
  assert.deepEqual(quotes.map((c) => at(text, c.chain[0]!.span)), ['Marta Quiroga', 'Dr. Ben Tull']);
  assert.deepEqual(quotes.map((c) => c.contentParts.length), [1, 1]);
  assert.equal(at(text, quotes[0]!.content), '“He never answers a question about the budget.”');
});

test('claims › issue 14 §3: a quotation inside a quote ("… he said, ‘…’," X recalled) is a two-link chain; "I said, ‘…’" is not', () => {
  const text = 'Mr. Ferris met the general twice.\n\n"At our first meeting in 2014, he said, \'Our approach has failed; we want to work with you,\'" Mr. Ferris recalled. "I said, \'We will see.\'"';
  const second = text.indexOf('"At');
  const sentences = [{ start: 0, end: second - 2, tokenStart: 0, tokenEnd: 0 }, { start: second, end: text.indexOf('"I said'), tokenStart: 0, tokenEnd: 0 }, { start: text.indexOf('"I said'), end: text.length, tokenStart: 0, tokenEnd: 0 }];
  const claims = extractClaims(makeDoc({ text, layers: { sentences, mentions: mentionsOf(text, [['Ferris', 'PER']]) } }), lexicon);
  const inner = claims.filter((c) => c.chain.length > 1);
  assert.equal(inner.length, 1);
  assert.deepEqual(inner[0]!.chain.map((l) => at(text, l.span)), ['Mr. Ferris', 'he']);
  assert.equal(inner[0]!.chain[1]!.isUnresolved, true, '"he" inside Ferris\'s words is not Ferris');
  assert.equal(inner[0]!.cueSourceIndex, 1);
  assert.ok(at(text, inner[0]!.content).startsWith("'Our approach has failed"));
});

test('claims › issue 14: "he said" is never given to the one the article calls "she", nor to the asker of the question it answers', () => {
  const text = 'Prosecutor Ellen Marsh questioned Robert Klein for two hours. “Where were you that night?” she asked. “At home,” he said.';
  const claims = entitiesDoc(text, [['Ellen Marsh', 'PER'], ['Robert Klein', 'PER']], [
    { id: 'e1', name: 'Ellen Marsh', surfaces: ['Ellen Marsh'], references: ['she', 'he'] },
    { id: 'e2', name: 'Robert Klein', surfaces: ['Robert Klein'], references: [] },
  ]);
  const answer = claims.find((c) => at(text, c.content).startsWith('“At home'))!;
  assert.notEqual(answer.chain[0]!.name, 'Ellen Marsh', 'coreference said "he" is Ellen Marsh, whom the article calls "she"');
  assert.equal(answer.chain[0]!.isUnresolved, true);
  const asked = claims.find((c) => at(text, c.content).startsWith('“Where'))!;
  assert.equal(asked.chain[0]!.name, 'Ellen Marsh');
});

test('claims › issue 14: "Ms." before a name says "she": a later "he said" does not take her', () => {
  const text = 'Ms. Dana Whitfield opened the hearing on Monday. “The budget is short by $4 million,” he said.';
  const claims = entitiesDoc(text, [['Dana Whitfield', 'PER']], [{ id: 'e1', name: 'Dana Whitfield', surfaces: ['Dana Whitfield'], references: ['he'] }]);
  assert.equal(claims[0]!.chain[0]!.isUnresolved, true);
});

test('claims › issue 14 must not fire: a person as the noun phrase of "called" / "questioned" is who was addressed, not a claim', () => {
  for (const [text, forms] of [
    ['Maria Lopez called her brother, Juan Lopez, after the verdict.', [['Maria Lopez', 'PER'], ['Juan Lopez', 'PER']]],
    ['Senator Ray Tull called Robert Klein on Sunday night.', [['Ray Tull', 'PER'], ['Robert Klein', 'PER']]],
    ['Detectives questioned the witness for two hours.', []],
  ] as const) {
    assert.deepEqual(claimsOf(text, forms).claims.map((c) => at(text, c.content)), [], text);
  }
  // A noun phrase that is no person still is ("denied the allegations"), and so is what is said of a person.
  const { text, claims } = claimsOf('The ministry denied the allegations.');
  assert.deepEqual(claims.map((c) => at(text, c.content)), ['the allegations']);
  const liar = claimsOf('Senator Ray Tull called Robert Klein a liar.', [['Ray Tull', 'PER'], ['Robert Klein', 'PER']]);
  assert.deepEqual(liar.claims.map((c) => at(liar.text, c.content)), ['Robert Klein a liar']);
});

test('claims › issue 14: "Those who attended said" is an unnamed group, never a person named "Those"', () => {
  const { claims } = claimsOf('Those who attended said the meeting was tense.');
  assert.deepEqual(claims.map((c) => [c.chain[0]!.kind, c.chain[0]!.count]), [['anonymous', 'multiple']]);
  assert.match(claims[0]!.chain[0]!.name, /^those who/);
});

test('claims › issue 14 must not fire: a content that only points elsewhere ("say otherwise", "said so") or a bare name', () => {
  assert.deepEqual(claimsOf('The union says the plant is safe, but the inspectors say otherwise.').claims.map((c) => c.chain[0]!.name), ['union']);
  assert.deepEqual(claimsOf('Asked whether the bridge would reopen, the engineer said so.').claims, []);
  const text = 'Two crews can finish the bridge by June, said Darren Tipton, chief engineer of the regional transit authority.';
  assert.deepEqual(claimsOf(text, [['Darren Tipton', 'PER']]).claims.filter((c) => at(text, c.content).startsWith('Darren')), [], 'the speaker\'s name is no content');
});

// ---------------------------------------------------------------------------------------------------
// Session 10: inverted attributions and coordinated speakers

test('claims › inverted: "The results show X, said Professor Y, who …" — Professor Y speaks, the relative clause is part of the source', () => {
  const { text, claims } = claimsOf(
    'The results show that the vaccine cuts hospital stays by half, said Professor Amara Osei, who led the trial at the Lagos clinic.',
    [['Amara Osei', 'PER'], ['Lagos', 'LOC']],
  );
  const said = claims.find((c) => at(text, c.cue) === 'said');
  assert.ok(said, 'the trailing "said" is a claim');
  assert.equal(at(text, said.content), 'The results show that the vaccine cuts hospital stays by half');
  assert.equal(said.chain[said.cueSourceIndex]?.name, 'Amara Osei');
  assert.equal(at(text, said.chain[said.cueSourceIndex]?.span), 'Professor Amara Osei, who led the trial at the Lagos clinic');
  // The earlier cue's content stops where the attribution starts.
  for (const c of claims) assert.ok(!at(text, c.content).includes('Osei'), at(text, c.content));
});

test('claims › inverted: a relative clause that reports something itself is not read as the speaker\'s description', () => {
  const { text, claims } = claimsOf('Police believe the fire was set deliberately, said Dana Lowe, who added that the alarm never rang.', [['Dana Lowe', 'PER']]);
  assert.ok(!claims.some((c) => at(text, c.chain[c.cueSourceIndex]?.span).includes('who added')));
});

test('claims › a coordinated clause with its own speaker ends the content and is not relayed by the first speaker', () => {
  const { text, claims } = claimsOf('The mayor said the road would reopen on Friday, but residents said they had heard that before.', []);
  const mayor = claims.find((c) => c.chain[c.cueSourceIndex]?.name === 'mayor');
  assert.ok(mayor);
  assert.equal(at(text, mayor.content), 'the road would reopen on Friday');
  const residents = claims.find((c) => at(text, c.content) === 'they had heard that before');
  assert.ok(residents);
  assert.equal(residents.chain.length, 1, 'the residents speak for themselves');
});

test('claims › a coordinated clause whose noun is not a speaker stays in the content', () => {
  const { text, claims } = claimsOf('The minister said the talks had stalled, but the claims were never put to a vote.', []);
  const minister = claims.find((c) => at(text, c.cue) === 'said');
  assert.equal(at(text, minister?.content), 'the talks had stalled, but the claims were never put to a vote');
});

test('claims › a time is never a source: "Today said …" makes no claim', () => {
  const { claims } = claimsOf('Today said the singer had cancelled the tour.', [['Today', 'PER']]);
  assert.equal(claims.length, 0);
});

test('claims › "Studies show …" is a document, not a person named Studies', () => {
  const { claims } = claimsOf('Studies show that children who read at home do better at school.', [['Studies', 'PER']]);
  assert.equal(claims[0]?.chain[0]?.kind, 'document');
});

test('claims › a place after the head\'s preposition does not name the speakers ("Researchers in Boston found")', () => {
  const { claims } = claimsOf('Researchers in Boston found that the drug slowed memory loss in mice.', [['Boston', 'LOC']]);
  assert.ok(claims[0]);
  assert.notEqual(claims[0].chain[0]?.name, 'Boston');
  assert.equal(claims[0].chain[0]?.name, 'Researchers in Boston');
});

test('claims › on a Q&A page the answers\' "I" and "we" are not the outlet', () => {
  const text = 'Q: What made you leave the band?\n\nA: We had stopped enjoying the music. I think we all knew it was over.\n\nQ: Do you regret it?\n\nA: I said then that I would never go back, and I meant it.';
  const { claims } = claimsOf(text, [], 'The Weekly Ledger');
  assert.deepEqual(claims.filter((c) => c.chain.some((l) => l.kind === 'article')), []);
  // The same first person in an ordinary column is still the writer.
  const column = claimsOf('I think the council has lost its way on housing.', [], 'The Weekly Ledger');
  assert.equal(column.claims[0]?.chain[0]?.kind, 'article');
});

test('claims › "hope to" + an infinitive is a wish, "hope that" still an assertion', () => {
  const { claims } = claimsOf('Many of the refugees hope to continue their studies in Germany.', []);
  assert.equal(claims[0]?.kind, 'desire');
  const that = claimsOf('The coach hopes that the injury is not serious.', []);
  assert.notEqual(that.claims[0]?.kind, 'desire');
});

test('claims › a sentence-opening connective is not part of the content ("And …, he said", "However, …, the fund said")', () => {
  const a = claimsOf('And the new plan will fail, the minister said on Monday.', []);
  assert.equal(at(a.text, a.claims[0]?.content), 'the new plan will fail');
  const b = claimsOf('However, slower growth in rich nations is being offset by faster growth elsewhere, the fund said.', []);
  assert.equal(at(b.text, b.claims[0]?.content), 'slower growth in rich nations is being offset by faster growth elsewhere');
  // Inside a quotation the speaker's own "And" stays.
  const q = claimsOf('“And that is why we left,” the farmer said.', []);
  assert.match(at(q.text, q.claims[0]?.content), /^“And that/);
});

test('claims › the time a source spoke or was published is not part of it ("this month", "in 2001", "released in late August")', () => {
  const a = claimsOf('Wells Fargo just this month said it would close 400 branches.', [['Wells Fargo', 'ORG']]);
  assert.equal(at(a.text, a.claims[0]?.chain[0]?.span), 'Wells Fargo');
  const b = claimsOf('A Harlow College poll released in late August found that most voters back the levy.', [['Harlow College', 'ORG']]);
  assert.equal(at(b.text, b.claims[0]?.chain[0]?.span), 'A Harlow College poll');
});

test('claims › a quote in two-apostrophe marks continues after "he said." when the splitter did not break the sentence there', () => {
  const text = "''A new library will not fix every school in the county,'' he said. ''But it gives children a place to read after dark.''";
  // One sentence: the splitter does not know '' as an opening quotation mark.
  const doc = makeDoc({ text, layers: { sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 }], mentions: [] } });
  const claims = extractClaims(doc, lexicon);
  assert.equal(claims.length, 1);
  assert.equal(claims[0]!.contentParts.length, 2);
  assert.equal(at(text, claims[0]!.content), text);
});
