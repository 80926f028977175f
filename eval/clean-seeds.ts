/**
 * `npm run eval:clean-seeds`: cleans the scraped seed articles in ../shared/corpus/seeds and prints, per
 * article, title, date, outlet, body length, comments set apart and captions collapsed, then checks that no
 * comment and no boilerplate line is left in a body. The last line is one JSON object.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../src/stages/clean/text.js';
import { isBoilerplateLine, isCommentsStart } from '../src/stages/clean/boilerplate.js';

const seedDir = fileURLToPath(new URL('../../shared/corpus/seeds/', import.meta.url));
if (!existsSync(seedDir)) {
  console.log(`eval:clean-seeds skipped: ${seedDir} not found (the seed corpus lives outside the repository)`);
  process.exit(0);
}
const showBody = process.argv.includes('--body');
let leaks = 0;
let articles = 0;
for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()) {
  const cleaned = cleanText(readFileSync(`${seedDir}${file}`, 'utf8'));
  articles++;
  const bodyLines = cleaned.body.split('\n').filter(Boolean);
  // A leak: a body line that is a known boilerplate phrase, a comments header, or text of a comment.
  const commentTexts = cleaned.comments.flatMap((c) => c.text.split('\n'));
  const leaked = bodyLines.filter((l) => isBoilerplateLine(l) || isCommentsStart(l) || commentTexts.includes(l) || cleaned.boilerplate.includes(l));
  leaks += leaked.length;
  console.log(`== ${file}`);
  console.log(`   title:    ${cleaned.title ?? '(none)'}`);
  console.log(`   date:     ${cleaned.publishedAt ?? '(not stated in the text)'}`);
  console.log(`   outlet:   ${cleaned.outlet ?? '(none)'}${cleaned.credit ? `   credit: ${cleaned.credit}` : ''}`);
  console.log(`   body:     ${cleaned.body.length} chars, ${cleaned.body.split('\n\n').length} paragraphs`);
  console.log(`   comments: ${cleaned.comments.length} set apart (${cleaned.comments.map((c) => `${c.author ?? '?'}${c.replyTo !== undefined ? `→#${c.replyTo}` : ''}`).join(', ')})`);
  console.log(`   captions: ${cleaned.captions.length} (${cleaned.captions.map((c) => `x${c.occurrences}${c.credit ? ` credit "${c.credit}"` : ''}`).join(', ')})`);
  console.log(`   boilerplate lines removed: ${cleaned.boilerplate.length}`);
  for (const l of leaked) console.log(`   LEAK: ${l.slice(0, 100)}`);
  if (showBody) console.log(cleaned.body.split('\n\n').map((p) => `   | ${p.slice(0, 110)}`).join('\n'));
}
console.log(JSON.stringify({ eval: 'clean-seeds', data: 'corpus/seeds', articles, leaks }));
