/** The clean stage family: raw input to clean article fields (body, metadata, comments and captions apart). */
export { cleanArticle, CLEAN_VERSION } from './clean.js';
export { cleanText, parseComments, type CleanedText } from './text.js';
export { extractHtml, isBodyBlock, type ExtractedHtml } from './html.js';
export { readPageMeta, type PageMeta } from './html-metadata.js';
export { collectBlocks, type TextBlock } from './blocks.js';
export { normaliseDate, findDateInText, dateFromUrl } from './dates.js';
export { detectLanguage } from './language.js';
