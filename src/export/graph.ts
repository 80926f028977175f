/**
 * The entity–event graph shared by the GraphML and GEXF writers: entities and merged events as nodes,
 * actor→event→target edges, and entity co-occurrence edges weighted by shared articles.
 */
export interface GraphNode {
  readonly id: string;
  readonly label: string;
  /** 'entity' or 'event'. */
  readonly kind: 'entity' | 'event';
  /** Entity type (PER/ORG/LOC/MISC) or PLOVER event type. */
  readonly type: string;
  readonly date?: string;
  readonly status?: string;
}

export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  /** 'source-of' (actor → event), 'target-of' (event → target) or 'co-occurs'. */
  readonly relation: 'source-of' | 'target-of' | 'co-occurs';
  readonly weight: number;
}

export interface ExportGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}
