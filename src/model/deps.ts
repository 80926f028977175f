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
