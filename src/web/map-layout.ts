/**
 * Pure layout for the map: clustering of nearby marks in screen space (greedy, heaviest first, on a grid so it
 * stays linear), and label placement that never overlaps another label or mark (a label that fits nowhere is
 * left out; its mark keeps its tooltip and the list below). No DOM here, so it is tested under node.
 */

/** A mark to cluster: screen position, weight (heavier marks seed clusters) and what it stands for. */
export interface MarkInput<T> {
  readonly x: number;
  readonly y: number;
  readonly weight: number;
  readonly item: T;
}

/** A cluster: the weighted centre of its members, their total weight and the members, heaviest first. */
export interface Cluster<T> {
  x: number;
  y: number;
  weight: number;
  readonly members: T[];
}

/**
 * Groups marks closer than `radius` pixels to a cluster's seed (the heaviest mark not yet taken); the cluster is
 * drawn at its members' weighted centre.
 */
export function clusterMarks<T>(marks: readonly MarkInput<T>[], radius: number): Cluster<T>[] {
  interface Seed { readonly x: number; readonly y: number; readonly cluster: Cluster<T>; sumX: number; sumY: number; sumW: number }
  const grid = new Map<string, Seed[]>();
  const cell = (v: number) => Math.floor(v / radius);
  const seeds: Seed[] = [];
  for (const m of [...marks].sort((a, b) => b.weight - a.weight)) {
    let best: Seed | undefined;
    let bestDistance = radius * radius;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const s of grid.get(`${cell(m.x) + dx},${cell(m.y) + dy}`) ?? []) {
          const d = (s.x - m.x) ** 2 + (s.y - m.y) ** 2;
          if (d <= bestDistance) [best, bestDistance] = [s, d];
        }
      }
    }
    // Weightless marks still pull the centre a little.
    const w = Math.max(m.weight, 1e-3);
    if (best) {
      best.cluster.members.push(m.item);
      best.cluster.weight += m.weight;
      best.sumX += m.x * w;
      best.sumY += m.y * w;
      best.sumW += w;
      continue;
    }
    const seed: Seed = { x: m.x, y: m.y, cluster: { x: m.x, y: m.y, weight: m.weight, members: [m.item] }, sumX: m.x * w, sumY: m.y * w, sumW: w };
    const key = `${cell(m.x)},${cell(m.y)}`;
    grid.set(key, [...(grid.get(key) ?? []), seed]);
    seeds.push(seed);
  }
  for (const s of seeds) {
    s.cluster.x = s.sumX / s.sumW;
    s.cluster.y = s.sumY / s.sumW;
  }
  return seeds.map((s) => s.cluster);
}

/** An axis-aligned box in screen pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A label to place beside an anchor (a mark of radius `r` at x, y). */
export interface LabelInput {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly text: string;
  /** Its own mark among the obstacles, which it may touch. */
  readonly obstacle?: number;
}

/** A placed label: where its text starts (left, baseline) and how it is anchored. */
export interface PlacedLabel {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end' | 'middle';
  readonly box: Box;
}

/**
 * Places labels in the given order (most important first) at the first of right, left, above, below their mark
 * where the box overlaps no placed label, no mark (`obstacles`) and stays inside the view; others are dropped.
 * Text width is estimated from the character count (`charWidth` pixels each).
 */
export function placeLabels(labels: readonly LabelInput[], obstacles: readonly Box[], view: Box, fontPx = 11, charWidth = 6.2): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const taken: { box: Box; obstacle?: number }[] = obstacles.map((box, i) => ({ box, obstacle: i }));
  labels.forEach((l, index) => {
    const width = l.text.length * charWidth + 4;
    const height = fontPx + 2;
    const gap = l.r + 3;
    const candidates: { x: number; y: number; anchor: PlacedLabel['anchor']; box: Box }[] = [
      { x: l.x + gap, y: l.y + fontPx / 3, anchor: 'start', box: { x: l.x + gap - 2, y: l.y - height / 2, width, height } },
      { x: l.x - gap, y: l.y + fontPx / 3, anchor: 'end', box: { x: l.x - gap - width + 2, y: l.y - height / 2, width, height } },
      { x: l.x, y: l.y - gap - 2, anchor: 'middle', box: { x: l.x - width / 2, y: l.y - gap - height, width, height } },
      { x: l.x, y: l.y + gap + fontPx, anchor: 'middle', box: { x: l.x - width / 2, y: l.y + gap, width, height } },
    ];
    const fit = candidates.find((c) => isInside(c.box, view) && !taken.some((t) => (t.obstacle === undefined || t.obstacle !== l.obstacle) && overlaps(t.box, c.box)));
    if (!fit) return;
    taken.push({ box: fit.box });
    placed.push({ index, x: fit.x, y: fit.y, anchor: fit.anchor, box: fit.box });
  });
  return placed;
}

/** Whether two boxes overlap. */
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function isInside(b: Box, view: Box): boolean {
  return b.x >= view.x && b.y >= view.y && b.x + b.width <= view.x + view.width && b.y + b.height <= view.y + view.height;
}
