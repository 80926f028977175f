/**
 * Dependency trees as typed-array columns over the TokenTable (one entry per token, like the tokens themselves).
 *
 * Layout per token i:
 *   head[i]   index of the head token in the same TokenTable, or -1 when i is the root of its sentence
 *   label[i]  index into DEP_LABELS (Universal Dependencies v2 relation, with the subtypes UD English-EWT uses)
 * Arcs never cross a sentence boundary: every sentence has exactly one root.
 */
export const DEP_LABELS = [
  'dep', 'root', 'punct', 'case', 'nsubj', 'nsubj:pass', 'nsubj:outer', 'det', 'det:predet', 'advmod', 'obj', 'iobj', 'amod',
  'obl', 'obl:agent', 'obl:unmarked', 'obl:tmod', 'obl:npmod', 'conj', 'compound', 'compound:prt', 'mark', 'nmod', 'nmod:poss',
  'nmod:unmarked', 'nmod:desc', 'nmod:tmod', 'nmod:npmod', 'cc', 'cc:preconj', 'aux', 'aux:pass', 'cop', 'advcl', 'advcl:relcl',
  'xcomp', 'ccomp', 'acl', 'acl:relcl', 'flat', 'parataxis', 'nummod', 'appos', 'discourse', 'expl', 'fixed', 'list',
  'csubj', 'csubj:pass', 'csubj:outer', 'vocative', 'goeswith', 'reparandum', 'orphan', 'dislocated',
] as const;
export type DepLabel = (typeof DEP_LABELS)[number];

const LABEL_INDEX = new Map<string, number>(DEP_LABELS.map((l, i) => [l, i]));

/** The index of a relation name in DEP_LABELS; unknown relations map to their base type, else to 'dep'. */
export function depLabelIndex(label: string): number {
  return LABEL_INDEX.get(label) ?? LABEL_INDEX.get(label.split(':')[0] ?? '') ?? 0;
}

/** A parse of every sentence of a Doc. */
export interface DependencyTable {
  readonly length: number;
  readonly head: Int32Array;
  readonly label: Uint8Array;
}

/** The relation of token i to its head. */
export function depLabel(deps: DependencyTable, i: number): DepLabel {
  return DEP_LABELS[deps.label[i] ?? 0] ?? 'dep';
}

/** Children of every token, in text order: children(deps)[h] lists the tokens whose head is h. */
export function dependents(deps: DependencyTable): readonly (readonly number[])[] {
  const out: number[][] = Array.from({ length: deps.length }, () => []);
  for (let i = 0; i < deps.length; i++) {
    const h = deps.head[i]!;
    if (h >= 0) out[h]!.push(i);
  }
  return out;
}

/** The universal part of a relation ("obl" for "obl:tmod"). */
export function universalRelation(label: string): string {
  const colon = label.indexOf(':');
  return colon < 0 ? label : label.slice(0, colon);
}

/**
 * The token span [start, end) covered by token i and everything below it (its phrase: "the army" for "army").
 * Parser trees are projective, so the span holds no token from outside the subtree.
 */
export function subtreeSpan(deps: DependencyTable, i: number, children: readonly (readonly number[])[] = dependents(deps)): { start: number; end: number } {
  let start = i;
  let end = i + 1;
  const pending = [i];
  while (pending.length > 0) {
    const t = pending.pop()!;
    for (const c of children[t] ?? []) {
      if (c < start) start = c;
      if (c + 1 > end) end = c + 1;
      pending.push(c);
    }
  }
  return { start, end };
}

/** Token i and its ancestors up to the sentence root, nearest first: [i, head(i), head(head(i)), …]. */
export function headPath(deps: DependencyTable, i: number): number[] {
  const path: number[] = [];
  for (let t = i; t >= 0 && path.length <= deps.length; t = deps.head[t]!) path.push(t);
  return path;
}

/**
 * The dependents of `head` whose relation is one of `relations`: a name without ":" matches all its subtypes
 * ("obl" matches "obl:tmod"), one with ":" only itself.
 * @example childrenWith(deps, verb, ['nsubj']) // the subject(s) of a verb, active ("nsubj") or passive ("nsubj:pass")
 */
export function childrenWith(deps: DependencyTable, head: number, relations: readonly string[], children: readonly (readonly number[])[] = dependents(deps)): number[] {
  return (children[head] ?? []).filter((c) => {
    const label = depLabel(deps, c);
    return relations.some((r) => r === label || (!r.includes(':') && universalRelation(label) === r));
  });
}
