import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { childrenWith, depLabelIndex, dependents, headPath, subtreeSpan, universalRelation, type DependencyTable } from './deps.js';

/** "Rebels shelled the airport in Tripoli overnight ." with its tree, built by hand. */
function tree(): DependencyTable {
  const heads = [1, -1, 3, 1, 5, 3, 1, 1];
  const labels = ['nsubj', 'root', 'det', 'obj', 'case', 'nmod', 'obl:tmod', 'punct'];
  return { length: heads.length, head: Int32Array.from(heads), label: Uint8Array.from(labels, depLabelIndex) };
}

describe('deps helpers', () => {
  it('spans the whole phrase under a token', () => {
    assert.deepEqual(subtreeSpan(tree(), 3), { start: 2, end: 6 }); // "the airport in Tripoli"
    assert.deepEqual(subtreeSpan(tree(), 0), { start: 0, end: 1 });
  });

  it('walks from a token up to its sentence root', () => {
    assert.deepEqual(headPath(tree(), 5), [5, 3, 1]);
  });

  it('selects role children, a bare relation matching its subtypes', () => {
    const deps = tree();
    const children = dependents(deps);
    assert.deepEqual(childrenWith(deps, 1, ['nsubj', 'obj'], children), [0, 3]);
    assert.deepEqual(childrenWith(deps, 1, ['obl']), [6]);
    assert.deepEqual(childrenWith(deps, 1, ['obl:agent']), []);
    assert.equal(universalRelation('obl:tmod'), 'obl');
  });
});
