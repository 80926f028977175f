import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { snippetTerms, textSnippet } from './text-snippet.js';

const BODY = 'Rain fell on the port at dawn. Workers closed the gates early. By noon a rocket struck the fuel depot near the eastern pier, and firefighters from Kyïv and the Port Authority fought the blaze until evening. Nobody was hurt, officials said.';

describe('text snippet', () => {
  test('terms: words, phrases and prefixes folded; operators skipped; a NOT term never marked', () => {
    assert.deepEqual(snippetTerms('"Port Authority" fuel* OR Kyiv NOT rain'), [
      { words: ['port', 'authority'], isPrefix: false }, { words: ['fuel'], isPrefix: true }, { words: ['kyiv'], isPrefix: false },
    ]);
    assert.deepEqual(snippetTerms('al-Shabaab'), [{ words: ['al', 'shabaab'], isPrefix: false }], 'a hyphenated word is a phrase, as the index splits it');
  });

  test('picks the 16-word window with the most distinct terms and marks each hit by offset, with ellipses where cut', () => {
    const { passage, bracketed } = textSnippet(BODY, snippetTerms('firefighters "port authority" dawn'));
    assert.equal(bracketed, '…pier, and [firefighters] from Kyïv and the [Port Authority] fought the blaze until evening. Nobody was…');
    assert.deepEqual(passage.hits.map((h) => passage.text.slice(h.start, h.end)), ['firefighters', 'Port Authority']);
    assert.ok(BODY.includes(passage.text.replace(/^…|…$/g, '')));
  });

  test('matches across case and diacritics, prefixes, and keeps the closing punctuation at the end of the body', () => {
    assert.match(textSnippet(BODY, snippetTerms('kyiv')).bracketed, /\[Kyïv\]/);
    assert.match(textSnippet(BODY, snippetTerms('fire*')).bracketed, /\[firefighters\]/);
    const end = textSnippet(BODY, snippetTerms('officials'));
    assert.match(end.bracketed, /\[officials\] said\.$/);
  });

  test('a body with no matching word (a title-only hit) gives its opening unmarked; an empty body gives nothing', () => {
    const { passage, bracketed } = textSnippet(BODY, snippetTerms('harbour'));
    assert.equal(bracketed, 'Rain fell on the port at dawn. Workers closed the gates early. By noon a rocket…');
    assert.deepEqual(passage.hits, []);
    assert.equal(textSnippet('', snippetTerms('rocket')).passage.text, '');
  });
});
