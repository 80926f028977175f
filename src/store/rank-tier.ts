/**
 * Full-text matches ranked together. Relevance scoring (BM25, ts_rank) costs time in proportion to the matches it
 * scores, so a query matching more than this many articles is ranked tier by tier: the best of the RANK_TIER most
 * recently stored matches first, then the best of the next RANK_TIER, and so on. A page then costs the same at any
 * corpus size, every match is still listed exactly once across pages, and a query matching fewer articles is
 * ranked as one list. Both adapters rank this way.
 */
export const RANK_TIER = 5000;
