/** English stop words for the jusText-style prose test: prose is dense in them, menus and labels are not. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves said says also after who whose since while according its may might must ' +
    'shall upon us one two three'
  ).split(' '),
);

/** Share of a line's words that are stop words (0 for a line without words). */
export function stopWordDensity(text: string): number {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (!words.length) return 0;
  let n = 0;
  for (const w of words) if (STOP_WORDS.has(w.replace(/'s$/, ''))) n++;
  return n / words.length;
}
