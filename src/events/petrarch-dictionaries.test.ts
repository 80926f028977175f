import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actorCodeOn,
  parseActorDictionary,
  parseAgentDictionary,
  parseDiscardList,
  parseDictDate,
  parseVerbDictionary,
} from './petrarch-dictionaries.js';
import { buildEventLexicon } from './lexicon.js';
import { createEventCoder, type CoderToken } from './coder.js';
import { intentCode, parseCameoPloverTable, ploverForCameo } from './cameo-plover.js';
import { readNumber } from './numbers.js';
import type { Upos } from '../model/index.js';

// Small dictionaries written for these tests (invented actors, dates and codes).
const ACTORS = `
# a comment line
<!-- an xml comment -->
VALDORIA_  [VLD]
+VALDORIAN
+PORT_ESKER

KAEL_MARROW_  ; a ruler with dated codes
\t[VLDELI 880101-010630]
\t[VLDGOV >010701]
\t[VLDELI]

OSTRAVEL [OST] ; inline comment
NEVA_BRANN_\t[OSTREB 950101-991231][OSTGOV >000101] # Phoenix style, one line

THE_TWIN_CITIES [VLD/OST]
`;

const AGENTS = `
!PERSON! = MAN, MEN, WOMAN, WOMEN
TROOP {} [~MIL] # no plural
SOLDIER [~MIL]
MILITIA {MILITIAS} [~REB]
CONGRESS!PERSON! [~LEG]
AID_AGENCY [NGO~]
`;

const VERBS = `
&WEAPON
+ROCKET
+MORTAR_

&NOPLURAL_
+GUNFIRE

--- ATTACK [190] ---
ATTACK
RAID
- * &WEAPON [194]
- * WITH_GUNFIRE [193]
- $ ACCUSED + OF * [112]

--- BREAK [---] ---
BREAK {BREAKS BROKE BROKEN BREAKING}
+BREAK_OFF {+BREAKS_OFF +BROKE_OFF +BROKEN_OFF +BREAKING_OFF} [161]
- * TRUCE [196]

--- VISIT [042:043] ---
VISIT
`;

test('dictionaries › actor records with synonyms, dated codes, inline Phoenix codes and compounds', () => {
  const actors = parseActorDictionary(ACTORS);
  assert.equal(actors.length, 5);
  const [valdoria, kael, ostravel, neva, twins] = actors;
  assert.deepEqual(valdoria!.phrases, [['VALDORIA'], ['VALDORIAN'], ['PORT', 'ESKER']]);
  assert.equal(valdoria!.defaultCode, 'VLD');
  assert.equal(actorCodeOn(kael!, 19950101), 'VLDELI');
  assert.equal(actorCodeOn(kael!, 20050101), 'VLDGOV');
  assert.equal(actorCodeOn(kael!, 19700101), 'VLDELI', 'falls back to the undated code');
  assert.equal(ostravel!.defaultCode, 'OST');
  assert.equal(actorCodeOn(neva!, 19970101), 'OSTREB');
  assert.equal(actorCodeOn(neva!, 20100101), 'OSTGOV');
  assert.equal(actorCodeOn(neva!, 19800101), undefined);
  assert.equal(twins!.defaultCode, 'VLD/OST');
});

test('dictionaries › TABARI dates: two-digit years below 30 are 20YY', () => {
  assert.equal(parseDictDate('000717'), 20000717);
  assert.equal(parseDictDate('830101'), 19830101);
  assert.equal(parseDictDate('19950601'), 19950601);
  assert.equal(parseDictDate('9506'), undefined);
});

test('dictionaries › agents: suffix and prefix codes, plurals, {} and substitution sets', () => {
  const agents = parseAgentDictionary(AGENTS);
  const find = (w: string) => agents.find((a) => a.words.join(' ') === w);
  assert.equal(find('TROOP')?.code, 'MIL');
  assert.equal(find('TROOPS'), undefined, '{} means no plural');
  assert.equal(find('SOLDIERS')?.code, 'MIL');
  assert.equal(find('MILITIAS')?.code, 'REB');
  assert.equal(find('CONGRESSWOMEN')?.code, 'LEG');
  assert.equal(find('AID AGENCY')?.isPrefix, true);
  assert.equal(find('AID AGENCIES')?.code, 'NGO');
});

test('dictionaries › verbs: synsets, blocks, irregular forms, multi-word verbs, patterns', () => {
  const dict = parseVerbDictionary(VERBS);
  assert.deepEqual(dict.synsets.get('&WEAPON'), [['ROCKET'], ['ROCKETS'], ['MORTAR']]);
  assert.deepEqual(dict.synsets.get('&NOPLURAL'), [['GUNFIRE']]);
  assert.equal(dict.blocks.length, 3);
  const attack = dict.verbs.find((v) => v.name === 'ATTACK')!;
  assert.equal(attack.code, '190');
  assert.ok(attack.forms.some((f) => f.words[0] === 'ATTACKED'));
  const breakOff = dict.verbs.find((v) => v.name === 'BREAK OFF')!;
  assert.equal(breakOff.code, '161');
  assert.ok(breakOff.forms.some((f) => f.words.join(' ') === 'BROKE OFF' && f.head === 0));
  const broke = dict.verbs.find((v) => v.name === 'BREAK')!;
  assert.deepEqual(broke.forms.map((f) => f.words[0]), ['BREAK', 'BREAKS', 'BROKE', 'BROKEN', 'BREAKING']);
  const patterns = dict.blocks[0]!.patterns;
  assert.equal(patterns.length, 3);
  assert.equal(patterns[1]!.after[0]!.kind, 'words');
  assert.equal(patterns[1]!.after[1]!.isAdjacent, true, 'WITH_GUNFIRE joins its words');
  assert.deepEqual(patterns[2]!.before.map((e) => e.kind), ['source', 'words', 'target', 'words']);
});

test('dictionaries › discard list: story-level +, whole-word _', () => {
  const d = parseDiscardList('+FOOTBALL_ # sports\nWORLD CUP\n');
  assert.deepEqual(d, [
    { phrase: 'FOOTBALL', isStory: true, isWholeWord: true },
    { phrase: 'WORLD CUP', isStory: false, isWholeWord: false },
  ]);
});

function toks(spec: string): CoderToken[] {
  let at = 0;
  return spec.split(' ').map((item) => {
    const [text, pos, lemma] = item.split('/') as [string, string, string | undefined];
    const t = { text, lemma: lemma ?? text.toLowerCase(), pos: pos as Upos, start: at, end: at + text.length };
    at += text.length + 1;
    return t;
  });
}

test('dictionaries › imported dictionaries drive the coder: actors, agents, dates, patterns, paired codes', () => {
  const lexicon = buildEventLexicon({ verbs: [VERBS], actors: [ACTORS], agents: [AGENTS], discards: ['+FOOTBALL_'] });
  const coder = createEventCoder(lexicon);
  const code = (spec: string, date?: number) =>
    coder.codeSentence(toks(spec), { requireTarget: true, ...(date ? { date } : {}) }).events.flatMap((e) => e.sources.flatMap((s) => e.targets.map((t) => `${s.code}>${t.code} ${e.code}`)));
  assert.deepEqual(code('Valdorian/ADJ soldiers/NOUN attacked/VERB Ostravel/PROPN with/ADP rockets/NOUN ./PUNCT'), ['VLDMIL>OST 194']);
  assert.deepEqual(code('Kael/PROPN Marrow/PROPN raided/VERB Ostravel/PROPN ./PUNCT', 19990101), ['VLDELI>OST 190']);
  assert.deepEqual(code('Kael/PROPN Marrow/PROPN raided/VERB Ostravel/PROPN ./PUNCT', 20020101), ['VLDGOV>OST 190']);
  assert.deepEqual(code('Ostravel/PROPN broke/VERB off/ADP relations/NOUN with/ADP Valdoria/PROPN ./PUNCT'), ['OST>VLD 161']);
  assert.deepEqual(code('Ostravel/PROPN visited/VERB Valdoria/PROPN ./PUNCT'), ['OST>VLD 042', 'VLD>OST 043']);
  assert.deepEqual(code('Ostravel/PROPN attacked/VERB Valdoria/PROPN after/ADP the/DET football/NOUN match/NOUN ./PUNCT'), [], 'discarded');
  assert.equal(lexicon.stats.actors, 5);
});

test('cameo-plover › longest-prefix lookup, dropped codes and planned intents', () => {
  const table = parseCameoPloverTable('01 DROP\n19 ASSAULT - military\n195 ASSAULT aerial military\n# comment\n10 REQUEST');
  assert.equal(ploverForCameo(table, '195')?.mode, 'aerial');
  assert.equal(ploverForCameo(table, '1951')?.mode, 'aerial');
  assert.deepEqual(ploverForCameo(table, '190')?.contexts, ['military']);
  assert.equal(ploverForCameo(table, '010'), undefined);
  assert.equal(ploverForCameo(table, '1053')?.type, 'REQUEST');
  assert.throws(() => parseCameoPloverTable('19 FIGHT'), /FIGHT/);
  assert.equal(intentCode('042'), '036');
  assert.equal(intentCode('190'), '138');
  assert.equal(intentCode('154'), '154');
});

test('numbers › digits, commas, scales, words and vague plurals', () => {
  const n = (s: string) => readNumber(s.split(' '), 0)?.value;
  assert.equal(n('1,500 Iranian'), 1500);
  assert.equal(n('2.5 million'), 2500000);
  assert.equal(n('eight fighters'), 8);
  assert.equal(n('twenty-five people'), 25);
  assert.equal(n('hundreds of'), 100);
  assert.equal(n('a dozen'), 12);
  assert.equal(n('the people'), undefined);
});
