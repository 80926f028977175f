/**
 * Pure helpers behind the graph view's readable default: rank entities by weighted degree (the sum of their
 * co-occurrence weights among the candidates) and colour them by community (weighted label propagation).
 */

/** An undirected weighted link between two node ids. */
export interface WeightedLink {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}

/** The sum of the weights of the links touching each id (0 for an id with none). */
export function weightedDegrees(ids: readonly string[], links: readonly WeightedLink[]): Map<string, number> {
  const degree = new Map(ids.map((id) => [id, 0]));
  for (const l of links) {
    if (degree.has(l.source) && degree.has(l.target)) {
      degree.set(l.source, degree.get(l.source)! + l.weight);
      degree.set(l.target, degree.get(l.target)! + l.weight);
    }
  }
  return degree;
}

/**
 * Communities by weighted label propagation: each node takes the label its neighbours carry with the most weight,
 * nodes visited in the given order and ties broken by the smaller label, so the result is deterministic. Returns
 * a community number per id, 0 for the largest community (by members), 1 the next…; a node with no link gets its own.
 * @example communities(['a', 'b', 'c'], [{ source: 'a', target: 'b', weight: 3 }]) // a→0, b→0, c→1
 */
export function communities(ids: readonly string[], links: readonly WeightedLink[], maxRounds = 20): Map<string, number> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const neighbours: { other: number; weight: number }[][] = ids.map(() => []);
  for (const l of links) {
    const a = index.get(l.source);
    const b = index.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a]!.push({ other: b, weight: l.weight });
    neighbours[b]!.push({ other: a, weight: l.weight });
  }
  const label = ids.map((_, i) => i);
  for (let round = 0; round < maxRounds; round++) {
    let changed = false;
    for (let i = 0; i < ids.length; i++) {
      const score = new Map<number, number>();
      for (const n of neighbours[i]!) score.set(label[n.other]!, (score.get(label[n.other]!) ?? 0) + n.weight);
      let best = label[i]!;
      let bestScore = score.get(best) ?? 0;
      for (const [l, s] of score) if (s > bestScore || (s === bestScore && l < best)) [best, bestScore] = [l, s];
      if (best !== label[i]) {
        label[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const size = new Map<number, number>();
  for (const l of label) size.set(l, (size.get(l) ?? 0) + 1);
  const order = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || a - b);
  const rank = new Map(order.map((l, i) => [l, i]));
  return new Map(ids.map((id, i) => [id, rank.get(label[i]!)!]));
}
