/** One stored event observation as the cross-article rules read it back (both SQL adapters). */
import type { EventObservation, ObservedPlace } from '../corpus/merge-events/index.js';

/**
 * A stored observation row, with its event's PLOVER type and its article's publication date joined, as an
 * EventObservation. The row's JSON columns come parsed (each driver decodes them its own way); the CAMEO code of
 * one observation is not stored, so it stays absent.
 */
export function toObservation(r: Record<string, unknown>, sourceIds: string[], targetIds: string[], counts: EventObservation['counts'], place: ObservedPlace | null): EventObservation {
  return {
    ...(place ? { place } : {}),
    articleId: String(r['article_id']), mentionId: String(r['mention_id']), ploverType: String(r['plover_type']),
    modality: String(r['modality']) as EventObservation['modality'], sourceIds, targetIds, counts,
    ...(r['time_value'] ? { timeValue: String(r['time_value']) } : {}),
    ...(r['published_at'] ? { publishedAt: String(r['published_at']) } : {}),
    ...(r['trigger'] ? { trigger: String(r['trigger']) } : {}),
  };
}
