/** 32-bit FNV-1a over UTF-16 code units: the cheap, stable string hash of shingles, passage keys and gazetteer names. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
