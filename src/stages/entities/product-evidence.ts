/**
 * Whether a "person" the tagger found is used like a product, from the words around all of its mentions in the
 * article. On web pages NER reads software, devices and services as people ("Hotspot Shield", "Raspberry Pi",
 * "Amazon Alexa"): their names look like names, but the text handles them as things ("a Raspberry Pi", "download
 * Hotspot Shield", "the Alexa app", "Zoom 5.2"), and never as people (no "he", no "said", no "Mr."). Pure.
 */
import type { Mention } from '../../model/index.js';

/** The evidence counted over a cluster's mentions. */
export interface UsageEvidence {
  /** Mentions used as a thing: a determiner, a version, a product noun or a use verb beside them. */
  readonly asThing: number;
  /** Mentions used as a person: a speech verb beside them, or a speaker label ("Lee: …"). */
  readonly asPerson: number;
}

// "a Raspberry Pi", "your Amazon Alexa", "another Hotspot Shield": people do not take these determiners. "the" is
// left out ("the Biden administration" is a person used as a modifier).
const THING_DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:a|an|another|your|our|my|this|these|those|every|each|any)\s+$/iu;
// "a Damien Hirst painting", "a Leni Riefenstahl film": a person's name as a modifier takes the noun's
// determiner. A lower-case word after the name that is not a function word reads as such a noun (precision first:
// "a Raspberry Pi coupled with" loses its cue too).
const MODIFIER_NOUN_AFTER = /^\s+(?!(?:is|was|are|were|has|had|have|can|will|would|could|should|may|might|to|into|in|on|with|for|and|or|that|which|from|at|as|by|of|if|so|but)\b)[a-z]/u;
// "download Hotspot Shield", "installed Slack", "powered by Android", "compatible with Amazon Alexa".
const USE_VERB_BEFORE = /(?:^|[^\p{L}])(?:download|downloaded|downloading|downloads|install|installed|installing|installs|uninstall|uninstalled|reinstall|using|powered\s+by|compatible\s+with|built\s+on|upgrade\s+to|update\s+to|subscribe\s+to|sign\s+up\s+for|log\s+in\s+to|log\s+into)\s+(?:the\s+)?$/iu;
// "Zoom 5.2", "Photoshop v24", "Windows 11 Pro": a version number right after the name.
// A figure with a unit after it is a statistic, not a version ("James 25.3 points a game").
const VERSION_AFTER = /^\s+(?:v\d+|\d+(?:\.\d+)+(?![\d.]|\s*%|\s+(?:points?|per|percent|million|billion|seconds?|minutes?|yards?|goals?|rebounds?|assists?|runs?|kg|km|miles?|metres?|meters?)\b)|\d+\s+(?:Pro|Plus|Max|Mini|Ultra|Lite|SE|Air|Home|Premium)\b)/u;
// "Onewind Tempest ($75)", "Brooks Cascadia 19 ($150)": a price in brackets after the name (and its model number)
// is a product's; a person is not listed with a price.
const PRICE_AFTER = /^\s*(?:\d+\s*)?\(\s*(?:US)?[$€£¥]\s?\d/u;
// "the Alexa app", "Hotspot Shield VPN", "the Slack subscription": a product noun right after the name. Nouns a
// person also heads are left out ("the Biden plan", "Trump supporters", "the Obama model").
const THING_NOUN_AFTER = /^\s+(?:app|apps|software|device|devices|plugin|plug-in|plugins|extension|extensions|browser|subscription|subscriptions|firmware|server|servers|protocol|vpn|VPN|api|API|sdk|SDK|integration|integrations|dashboard|headset|router|skill|skills|smart\s+speaker|desktop\s+app|mobile\s+app|web\s+app|users|user\s+interface|free\s+trial|pricing)\b/u;
// "Apache Spark is a unified analytics engine", "Rosetta Stone is among the best language learning apps": a
// definition whose head is a thing's noun, ending the phrase ("Lee is a software engineer" ends in a person's).
const DEFINED_AS_THING_AFTER = /^\s+(?:is|was|remains)\s+(?:a|an|the|one\s+of\s+the|among\s+the)\s+(?:[\p{L}-]+\s+){0,4}?(?:app|apps|engine|tool|tools|platform|platforms|software|program|programme|service|services|website|site|course|courses|framework|library|device|devices|product|products|brand|brands|company|companies|chain|restaurant|hotel|resort|store|shop|startup|firm|bakery|cafe|café|label|plugin|browser|game|system|solution|solutions)(?=\s*[.,;:!?)]|\s+(?:that|which|for|with|from|in|by|to|designed|built|known|used|where|and|or|of|on)\b)/u;
// "An insurance provider for over 160 years, Harlow Mutual offers …": a sentence that opens with a business's
// noun phrase set before the name ("A veteran lawyer, Lee …" heads a person's noun and does not count).
const DEFINED_AS_THING_BEFORE = /(?:^|[.!?]\s+)(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:provider|insurer|carrier|company|firm|brand|retailer|manufacturer|maker|lender|bank|chain|startup|platform|service|app|website|network|publisher)(?:\s+(?:for|of|since|with|in|from)\s+[^,.;]{1,40})?,\s+$/iu;
// "…, Lee said", "Lee told reporters", "according to Lee": speech is a person's.
const SPEECH_AFTER = /^(?:['’]s)?\s*,?\s+(?:said|says|told|tells|added|adds|explained|explains|wrote|writes|recalled|recalls|noted|notes|argued|argues|asked|asks|tweeted|insisted|insists|admitted|admits|replied|replies)\b/u;
const SPEECH_BEFORE = /(?:^|[^\p{L}])(?:said|says|told|according\s+to|asked|interviewed|quoted|quoting)\s+$/iu;

/**
 * Counts, over the mentions, how often the text handles the name as a thing and how often as a person.
 * @example usageEvidence('Download Hotspot Shield now.', [hotspotMention]) // { asThing: 1, asPerson: 0 }
 */
export function usageEvidence(text: string, mentions: readonly Mention[]): UsageEvidence {
  let asThing = 0;
  let asPerson = 0;
  for (const m of mentions) {
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    const after = text.slice(m.end, m.end + 40);
    const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
    const isSpeakerLabel = /^\s*$/.test(text.slice(lineStart, m.start)) && /^\s*:/.test(after);
    if (isSpeakerLabel || SPEECH_AFTER.test(after) || SPEECH_BEFORE.test(before)) asPerson++;
    else if ((THING_DETERMINER_BEFORE.test(before) && !MODIFIER_NOUN_AFTER.test(after)) || USE_VERB_BEFORE.test(before) || VERSION_AFTER.test(after) || PRICE_AFTER.test(after) || THING_NOUN_AFTER.test(after) || DEFINED_AS_THING_AFTER.test(text.slice(m.end, m.end + 120)) || DEFINED_AS_THING_BEFORE.test(text.slice(Math.max(0, m.start - 120), m.start))) asThing++;
  }
  return { asThing, asPerson };
}
