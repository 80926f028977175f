import assert from 'node:assert/strict';
import { test } from 'node:test';
import { depLabelIndex, makeTokenTable, type DependencyTable, type Span } from '../../model/index.js';
import { parseView, speechArcs, tokenAt, type ParseView } from './syntax.js';

/** A hand-built parse: each row is [word, head (1-based, 0 = root), relation], words found left to right in the text. */
function tree(text: string, rows: readonly (readonly [string, number, string])[]): ParseView {
  let from = 0;
  const spans = rows.map(([word]) => {
    const at = text.indexOf(word, from);
    assert.ok(at >= 0, `"${word}" not found after ${from}`);
    from = at + word.length;
    return { start: at, end: at + word.length };
  });
  const tokens = makeTokenTable(spans);
  const deps: DependencyTable = {
    length: rows.length,
    head: Int32Array.from(rows.map(([, h]) => h - 1)),
    label: Uint8Array.from(rows.map(([, , l]) => depLabelIndex(l))),
  };
  return parseView(text, tokens, deps);
}

const at = (view: ParseView, span: Span | undefined): string => (span ? view.text.slice(span.start, span.end) : '');
const verb = (view: ParseView, word: string): number => tokenAt(view.tokens, view.text.indexOf(word));

test('claims syntax › the speaker is the subject, the content the complement clause, the one told the addressee', () => {
  const v = tree('The minister told reporters that the border would reopen.', [
    ['The', 2, 'det'], ['minister', 3, 'nsubj'], ['told', 0, 'root'], ['reporters', 3, 'obj'], ['that', 9, 'mark'],
    ['the', 7, 'det'], ['border', 9, 'nsubj'], ['would', 9, 'aux'], ['reopen', 3, 'ccomp'], ['.', 3, 'punct'],
  ]);
  const arcs = speechArcs(v, verb(v, 'told'));
  assert.equal(at(v, arcs.subject), 'The minister');
  assert.equal(at(v, arcs.content), 'that the border would reopen');
  assert.equal(at(v, arcs.addressee), 'reporters');
});

test('claims syntax › a trailing "…, a senior diplomat said" reports the clause it hangs from', () => {
  const v = tree('The border was closed on Monday, a senior diplomat said.', [
    ['The', 2, 'det'], ['border', 4, 'nsubj:pass'], ['was', 4, 'aux:pass'], ['closed', 0, 'root'], ['on', 6, 'case'], ['Monday', 4, 'obl'],
    [',', 11, 'punct'], ['a', 10, 'det'], ['senior', 10, 'amod'], ['diplomat', 11, 'nsubj'], ['said', 4, 'parataxis'], ['.', 4, 'punct'],
  ]);
  const arcs = speechArcs(v, verb(v, 'said'));
  assert.equal(at(v, arcs.subject), 'a senior diplomat');
  assert.equal(at(v, arcs.content), 'The border was closed on Monday');
});

test('claims syntax › a relative clause between the subject and the verb stays in the subject, not in the content', () => {
  const v = tree('Two officials who spoke on condition of anonymity said the convoy was hit.', [
    ['Two', 2, 'nummod'], ['officials', 9, 'nsubj'], ['who', 4, 'nsubj'], ['spoke', 2, 'acl:relcl'], ['on', 6, 'case'], ['condition', 4, 'obl'],
    ['of', 8, 'case'], ['anonymity', 6, 'nmod'], ['said', 0, 'root'], ['the', 11, 'det'], ['convoy', 13, 'nsubj:pass'], ['was', 13, 'aux:pass'],
    ['hit', 9, 'ccomp'], ['.', 9, 'punct'],
  ]);
  const arcs = speechArcs(v, verb(v, 'said'));
  assert.equal(at(v, arcs.subject), 'Two officials who spoke on condition of anonymity');
  assert.equal(at(v, arcs.content), 'the convoy was hit');
});

test('claims syntax › "voters who said …": the relative pronoun stands for its antecedent', () => {
  const v = tree('Voters who said the economy was weak backed the challenger.', [
    ['Voters', 8, 'nsubj'], ['who', 3, 'nsubj'], ['said', 1, 'acl:relcl'], ['the', 5, 'det'], ['economy', 7, 'nsubj'], ['was', 7, 'cop'],
    ['weak', 3, 'ccomp'], ['backed', 0, 'root'], ['the', 10, 'det'], ['challenger', 8, 'obj'], ['.', 8, 'punct'],
  ]);
  const arcs = speechArcs(v, verb(v, 'said'));
  assert.equal(at(v, arcs.subject), 'Voters');
  assert.equal(at(v, arcs.content), 'the economy was weak');
});

test('claims syntax › a verb coordinated with another shares its subject', () => {
  const v = tree('The envoy criticised the plan and said the talks would resume.', [
    ['The', 2, 'det'], ['envoy', 3, 'nsubj'], ['criticised', 0, 'root'], ['the', 5, 'det'], ['plan', 3, 'obj'], ['and', 7, 'cc'],
    ['said', 3, 'conj'], ['the', 9, 'det'], ['talks', 11, 'nsubj'], ['would', 11, 'aux'], ['resume', 7, 'ccomp'], ['.', 3, 'punct'],
  ]);
  const arcs = speechArcs(v, verb(v, 'said'));
  assert.equal(at(v, arcs.subject), 'The envoy');
  assert.equal(at(v, arcs.content), 'the talks would resume');
});

test('claims syntax › a quote before "Ortiz told VOA": the quote with its marks is the content, VOA the addressee', () => {
  const v = tree('“We never saw the letter,” Ortiz told VOA.', [
    ['“', 4, 'punct'], ['We', 4, 'nsubj'], ['never', 4, 'advmod'], ['saw', 10, 'ccomp'], ['the', 6, 'det'], ['letter', 4, 'obj'],
    [',', 4, 'punct'], ['”', 4, 'punct'], ['Ortiz', 10, 'nsubj'], ['told', 0, 'root'], ['VOA', 10, 'obj'], ['.', 10, 'punct'],
  ]);
  const arcs = speechArcs(v, verb(v, 'told'));
  assert.equal(at(v, arcs.subject), 'Ortiz');
  assert.equal(at(v, arcs.content), '“We never saw the letter,”');
  assert.equal(at(v, arcs.addressee), 'VOA');
});

test('claims syntax › a verb with no subject and no host gives no speaker', () => {
  const v = tree('Said to be safe.', [['Said', 0, 'root'], ['to', 4, 'mark'], ['be', 4, 'cop'], ['safe', 1, 'xcomp'], ['.', 1, 'punct']]);
  assert.equal(speechArcs(v, 0).subject, undefined);
});

test('claims syntax › a time set off by a comma that the parser hung on the subject is not part of the speaker', () => {
  const v = tree('Today, officials said the bridge would stay closed.', [
    ['Today', 3, 'obl:tmod'], [',', 3, 'punct'], ['officials', 4, 'nsubj'], ['said', 0, 'root'], ['the', 6, 'det'], ['bridge', 9, 'nsubj'],
    ['would', 9, 'aux'], ['stay', 9, 'cop'], ['closed', 4, 'ccomp'], ['.', 4, 'punct'],
  ]);
  assert.equal(at(v, speechArcs(v, verb(v, 'said')).subject), 'officials');
  const named = tree('Kelly, a spokesman, said the bridge was closed.', [
    ['Kelly', 6, 'nsubj'], [',', 4, 'punct'], ['a', 4, 'det'], ['spokesman', 1, 'appos'], [',', 1, 'punct'], ['said', 0, 'root'],
  ]);
  assert.equal(at(named, speechArcs(named, verb(named, 'said')).subject), 'Kelly, a spokesman');
});
