/** The clean stage family: raw input to clean article fields. */
export { cleanArticle, CLEAN_VERSION } from './clean.js';
export { cleanText } from './text.js';
export { extractHtml } from './html.js';
export { detectLanguage } from './language.js';
