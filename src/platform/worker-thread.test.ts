import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startWorker, workerEntry } from './worker-thread.js';

test('worker entry › the compiled .js beside a compiled module, the .ts behind tsx under the sources', () => {
  const compiled = workerEntry('file:///opt/dossier/build/app/annotator-pool.js', 'annotate-worker', () => assert.fail('tsx is not needed from build/'));
  assert.deepEqual(compiled, { kind: 'file', url: new URL('file:///opt/dossier/build/app/annotate-worker.js') });
  const sources = workerEntry('file:///opt/dossier/src/store/sqlite/read-pool.ts', 'read-worker', () => 'file:///opt/dossier/node_modules/tsx/dist/esm/api/index.mjs');
  assert.equal(sources.kind, 'eval');
  const script = sources.kind === 'eval' ? sources.script : '';
  assert.ok(script.indexOf('tsx/dist/esm/api/index.mjs') < script.indexOf('register()'), 'tsx is registered first');
  assert.ok(script.indexOf('register()') < script.indexOf('file:///opt/dossier/src/store/sqlite/read-worker.ts'), 'then the .ts entry is imported');
});

test('worker entry › a started worker gets its workerData and no inherited flags', async () => {
  const worker = startWorker(
    { kind: 'eval', script: `const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage({ data: workerData, argv: process.execArgv });` },
    { workerData: { answer: 42 } },
  );
  const reply = await new Promise((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
  await worker.terminate();
  assert.deepEqual(reply, { data: { answer: 42 }, argv: [] });
});
