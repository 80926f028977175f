import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { clusterPrefix, lexiconKey } from './features.js';
import { clusterDenseVectors, decodeClusterFile, encodeClusterFile, induceWordClusters, type ClusterOptions } from './clusters.js';

/**
 * A corpus we wrote in which nouns ("tank", "truck", …) and verbs ("fired", "crossed", …) fill two different
 * slots: "the <noun> <verb> near the border ." with every noun and verb combined.
 */
function toySentences(): string[][] {
  const nouns = ['tank', 'truck', 'convoy', 'soldier', 'drone', 'ship'];
  const verbs = ['fired', 'crossed', 'stopped', 'waited', 'moved', 'returned'];
  const sentences: string[][] = [];
  for (const noun of nouns) for (const verb of verbs) sentences.push(['the', noun, verb, 'near', 'the', 'border', '.']);
  return sentences;
}

const OPTIONS: ClusterOptions = { minCount: 2, contextWords: 20, maxDepth: 6, minNodeWords: 2, iterations: 10, seed: 5 };

function codes(pairs: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (let k = 0; k + 1 < pairs.length; k += 2) map.set(pairs[k]!, pairs[k + 1]!);
  return map;
}

/** Length of the common prefix of two cluster paths (path bits after the leading 1). */
function sharedDepth(a: number, b: number): number {
  const da = 31 - Math.clz32(a);
  const db = 31 - Math.clz32(b);
  let d = 0;
  while (d < Math.min(da, db) && clusterPrefix(a, d + 1) === clusterPrefix(b, d + 1)) d++;
  return d;
}

describe('pos › word clusters', () => {
  const clusters = induceWordClusters(toySentences(), OPTIONS);
  const code = codes(clusters.pairs);

  it('puts words of the same slot closer together in the tree than words of different slots', () => {
    const tank = code.get(lexiconKey('tank'))!;
    const drone = code.get(lexiconKey('Drone'))!;
    const fired = code.get(lexiconKey('fired'))!;
    assert.ok(tank && drone && fired, 'every word seen twice has a cluster');
    assert.ok(sharedDepth(tank, drone) > sharedDepth(tank, fired), `tank ${tank.toString(2)}, drone ${drone.toString(2)}, fired ${fired.toString(2)}`);
  });

  it('leaves rare words out and keeps only hashes and codes', () => {
    const withRare = induceWordClusters([...toySentences(), ['once', 'only']], OPTIONS);
    assert.equal(codes(withRare.pairs).get(lexiconKey('once')), undefined);
    assert.ok(withRare.pairs.every((x) => Number.isInteger(x)));
    assert.equal(clusters.words, 16);
  });

  it('is deterministic and survives a round trip through the file', () => {
    assert.deepEqual(induceWordClusters(toySentences(), OPTIONS).pairs, clusters.pairs);
    const info = { name: 'toy', sources: ['sentences we wrote'], licence: 'CC0', words: clusters.words, leaves: clusters.leaves, tokens: clusters.tokens, options: OPTIONS };
    assert.deepEqual(decodeClusterFile(encodeClusterFile(info, clusters.pairs)).pairs, clusters.pairs);
  });

  it('cuts a path to a prefix, keeping the leading 1', () => {
    assert.equal(clusterPrefix(0b1101101, 3), 0b1101);
    assert.equal(clusterPrefix(0b101, 6), 0b101);
  });
});

describe('pos › word classes from given vectors', () => {
  // Two made-up families of 3-d "embeddings" that share an offset (as GloVe vectors share a common direction):
  // vehicles point one way, verbs of movement another. Centring removes the offset before the split.
  const offset = [5, 5, 5];
  const words = ['tank', 'truck', 'convoy', 'drone', 'fired', 'crossed', 'moved', 'returned'];
  const vectors = words.map((w, i) => (i < 4 ? [1 + 0.1 * i, -1, 0.05 * i] : [-1, 1 - 0.1 * i, 0.05 * i]).map((x, d) => x + offset[d]!));
  const split = { maxDepth: 4, minNodeWords: 2, iterations: 10, seed: 5 };
  const classes = clusterDenseVectors(words.map(lexiconKey), vectors, split);
  const code = codes(classes.pairs);

  it('puts the vectors of one family closer together in the tree than vectors of different families', () => {
    const tank = code.get(lexiconKey('tank'))!;
    const drone = code.get(lexiconKey('drone'))!;
    const fired = code.get(lexiconKey('fired'))!;
    assert.ok(sharedDepth(tank, drone) > sharedDepth(tank, fired), `tank ${tank.toString(2)}, drone ${drone.toString(2)}, fired ${fired.toString(2)}`);
  });

  it('keeps the first vector of a key given twice and is deterministic', () => {
    const twice = clusterDenseVectors([...words.map(lexiconKey), lexiconKey('Tank')], [...vectors, vectors[5]!], split);
    assert.equal(twice.words, words.length);
    assert.deepEqual(twice.pairs, classes.pairs);
  });
});
