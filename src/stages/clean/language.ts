/**
 * Language identification with eld (n-gram detector shipped in the npm package; no download). The extra-small
 * database: on whole articles (we give it up to 4,000 characters) its published accuracy is within 0.1–0.4 points
 * of the medium one (99.5 vs 99.6 % on eld's big test), and it costs ≈ 84 MB of memory in each process instead of
 * ≈ 187 MB (measured here), which every annotation worker pays.
 */
import { eld } from 'eld/extrasmall';

/** ISO 639-1 code of the text's language, or 'und' when the detector is not confident. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  if (sample.trim().length < 20) return 'und';
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : 'und';
}
