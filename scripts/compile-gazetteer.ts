/** `npm run build:gazetteer`: rewrites src/data/compiled/gazetteer.tsv.gz from the npm data packages and our lists. */
import { writeCompiledGazetteer } from '../src/app/load-gazetteer.js';

const began = performance.now();
const bytes = writeCompiledGazetteer();
process.stdout.write(`gazetteer compiled: ${(bytes / 1e6).toFixed(2)} MB in ${Math.round(performance.now() - began)} ms\n`);
