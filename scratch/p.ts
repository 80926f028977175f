import { loadParseModel, loadPosTagger } from '../src/app/nlp-models.js';
import { depLabel } from '../src/model/deps.js';
import { createResources, runStages } from '../src/pipeline/index.js';
import { makeDoc } from '../test/helpers/make-doc.js';
import { createSentences } from '../src/stages/sentences/index.js';
import { createTokenize } from '../src/stages/tokenize/index.js';
import { createParse } from '../src/stages/parse/index.js';
const resources = createResources({ 'nlp.pos': loadPosTagger(), 'parse.model': loadParseModel() });
for (const text of process.argv.slice(2)) {
const doc = runStages(makeDoc({ text }), [createTokenize(), createSentences(), createParse()], { publishedAt: undefined, resources }).doc;
const t = doc.layers.tokens!; const d = doc.layers.deps! as any;
const w = (i:number)=> i<0?'ROOT':doc.text.slice(t.start[i], t.end[i]);
const out=[]; for (let i=0;i<t.length;i++) out.push(`${w(i)}/${(t as any).upos?.[i] ?? (t as any).pos?.[i] ?? ''} <-${depLabel(d,i)}- ${w(d.head[i])}`);
console.log(out.join('\n'));
}
