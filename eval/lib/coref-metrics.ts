/**
 * Coreference metrics over clusters of mention ids: MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998),
 * CEAF-e (Luo 2005, entity similarity φ4 with an optimal one-to-one alignment), and the CoNLL average of
 * their F1. Key and response are lists of clusters (arrays of mention ids); mentions missing from one side
 * count as singletons there.
 */

export interface Prf {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

export type Clusters = readonly (readonly string[])[];

function prf(p: number, r: number): Prf {
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function clusterOf(clusters: Clusters): Map<string, number> {
  const map = new Map<string, number>();
  clusters.forEach((c, i) => c.forEach((m) => map.set(m, i)));
  return map;
}

/** MUC link-based recall of `key` against `response` (precision is the same with the roles swapped). */
function mucRecall(key: Clusters, response: Clusters): [number, number] {
  const inResponse = clusterOf(response);
  let num = 0;
  let den = 0;
  for (const cluster of key) {
    if (cluster.length < 2) continue;
    const parts = new Set(cluster.map((m) => inResponse.get(m) ?? `singleton:${m}`));
    num += cluster.length - parts.size;
    den += cluster.length - 1;
  }
  return [num, den];
}

/** MUC precision, recall and F1. */
export function muc(key: Clusters, response: Clusters): Prf {
  const [rn, rd] = mucRecall(key, response);
  const [pn, pd] = mucRecall(response, key);
  return prf(pd ? pn / pd : 0, rd ? rn / rd : 0);
}

function b3Recall(key: Clusters, response: Clusters): [number, number] {
  const inResponse = clusterOf(response);
  let sum = 0;
  let count = 0;
  for (const cluster of key) {
    for (const m of cluster) {
      const r = inResponse.get(m);
      const overlap = r === undefined ? 1 : cluster.filter((x) => inResponse.get(x) === r).length;
      sum += overlap / cluster.length;
      count++;
    }
  }
  return [sum, count];
}

/** B³ precision, recall and F1 (mention-weighted). */
export function b3(key: Clusters, response: Clusters): Prf {
  const [rs, rc] = b3Recall(key, response);
  const [ps, pc] = b3Recall(response, key);
  return prf(pc ? ps / pc : 0, rc ? rs / rc : 0);
}

/** CEAF-e with φ4(K, R) = 2|K∩R| / (|K| + |R|). */
export function ceafE(key: Clusters, response: Clusters): Prf {
  if (!key.length || !response.length) return prf(0, 0);
  const sim = key.map((k) => {
    const ks = new Set(k);
    return response.map((r) => (2 * r.filter((m) => ks.has(m)).length) / (k.length + r.length));
  });
  const total = maxAssignment(sim);
  return prf(total / response.length, total / key.length);
}

/** CoNLL average F1 of MUC, B³ and CEAF-e, with each metric. */
export function conll(key: Clusters, response: Clusters): { muc: Prf; b3: Prf; ceafE: Prf; conllF1: number } {
  const m = muc(key, response);
  const b = b3(key, response);
  const c = ceafE(key, response);
  return { muc: m, b3: b, ceafE: c, conllF1: (m.f1 + b.f1 + c.f1) / 3 };
}

/** Maximum-weight one-to-one assignment (Hungarian algorithm on costs = max − weight). */
export function maxAssignment(weights: readonly (readonly number[])[]): number {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  const n = Math.max(rows, cols);
  const max = Math.max(0, ...weights.flat());
  const cost = (i: number, j: number): number => max - (i < rows && j < cols ? weights[i]![j]! : 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i < rows && j - 1 < cols) total += weights[i]![j - 1]!;
  }
  return total;
}
