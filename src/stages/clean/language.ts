/** Language identification with eld (n-gram detector shipped in the npm package; no download). */
import { eld } from 'eld/medium';

/** ISO 639-1 code of the text's language, or 'und' when the detector is not confident. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  if (sample.trim().length < 20) return 'und';
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : 'und';
}
