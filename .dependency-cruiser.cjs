/**
 * Architecture rules (see ../shared/STYLE.md §1): imports only point down,
 * interfaces → app → (pipeline, store, ingest, export, corpus) → stages → model.
 * `npm run lint` fails when a rule is broken.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'model-imports-nothing',
      comment: 'src/model is the bottom layer: it imports nothing else from src/.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'stage-is-pure',
      comment: 'A stage never imports the store, readers, app, interfaces, or file/network I/O.',
      severity: 'error',
      from: { path: '^src/stages/' },
      to: { path: ['^src/(store|ingest|app|cli|api|web|corpus|queue|export)/', '^(fs|node:fs|fs/promises|node:fs/promises|http|node:http|https|node:https|net|node:net|child_process|node:child_process)$'] },
    },
    {
      name: 'stage-not-from-another-stage',
      comment: 'A stage never imports another stage: shared pure code lives in src/nlp, src/geo, src/events or src/data.',
      severity: 'error',
      from: { path: '^src/stages/([^/]+)/' },
      to: { path: '^src/stages/', pathNot: '^src/stages/$1/' },
    },
    {
      name: 'pure-libraries-are-pure',
      comment: 'src/nlp, src/geo, src/events and src/data hold pure code used by stages: no store, app or interfaces.',
      severity: 'error',
      from: { path: '^src/(nlp|geo|events|data)/' },
      to: { path: '^src/(store|app|cli|api|web|queue|stages)/' },
    },
    {
      name: 'lower-layers-never-import-interfaces',
      comment: 'Only cli/, api/ and web/ sit above app/.',
      severity: 'error',
      from: { path: '^src/(?!cli|api|web)' },
      to: { path: '^src/(cli|api|web)/' },
    },
    {
      name: 'interfaces-call-only-app',
      comment: 'cli/, api/ and web/ reach the system through app/ (use cases, the store opener, pipeline composition) and share model types; nothing lower.',
      severity: 'error',
      from: { path: '^src/(cli|api|web)/' },
      to: { path: '^src/', pathNot: '^src/(app|model|cli|api|web)/' },
    },
    {
      name: 'no-file-io-in-pure-modules',
      comment: 'geo/, data/ and kb/ hold pure code and data tables: files are read by app/ and handed in (e.g. app/load-gazetteer.ts).',
      severity: 'error',
      from: { path: '^src/(geo|data|kb)/' },
      to: { path: '^(fs|node:fs|fs/promises|node:fs/promises)$' },
    },
    {
      name: 'store-never-imports-app',
      comment: 'The store is below app/: adapters implement ports and never call use cases or interfaces.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(app|cli|api|web|queue)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
