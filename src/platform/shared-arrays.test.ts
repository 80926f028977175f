import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { shareTypedArrays, toSharedArray } from './shared-arrays.js';

test('toSharedArray copies the values into shared memory once', () => {
  const weights = Int16Array.from([3, -7, 12, 0]);
  const shared = toSharedArray(weights);
  assert.ok(shared.buffer instanceof SharedArrayBuffer);
  assert.ok(shared instanceof Int16Array);
  assert.deepEqual([...shared], [3, -7, 12, 0]);
  assert.equal(toSharedArray(shared), shared);
});

test('a Buffer is shared as a Buffer, without calling the deprecated Buffer constructor (DEP0005)', () => {
  const source = Buffer.from('Aleppo\tSY\n', 'utf8');
  // Under tsx Node does not print DEP0005, so the constructor is watched directly: `new Buffer(…)` must not run.
  Object.defineProperty(source, 'constructor', {
    value: function Buffer() {
      throw new Error('the deprecated Buffer constructor was called');
    },
  });
  const shared = toSharedArray(source);
  assert.ok(Buffer.isBuffer(shared));
  assert.ok(shared.buffer instanceof SharedArrayBuffer);
  assert.equal(shared.toString('utf8'), 'Aleppo\tSY\n');
});

test('shareTypedArrays moves the large tables of a nested model and keeps the rest', () => {
  const model = {
    info: { name: 'tiny', tags: ['NOUN', 'VERB'] },
    table: new Int32Array(1024),
    small: new Float32Array(4),
    relations: { table: new Int32Array(2048), weights: new Int16Array(4096) },
    clusters: new Map([[7, 3]]),
  };
  model.table[5] = 42;
  const shared = shareTypedArrays(model, 1024);
  assert.ok(shared.table.buffer instanceof SharedArrayBuffer);
  assert.equal(shared.table[5], 42);
  assert.ok(shared.relations.table.buffer instanceof SharedArrayBuffer);
  assert.ok(shared.relations.weights.buffer instanceof SharedArrayBuffer);
  assert.ok(!(shared.small.buffer instanceof SharedArrayBuffer), 'arrays under the threshold stay where they are');
  assert.equal(shared.clusters, model.clusters);
  assert.deepEqual(shared.info, model.info);
  assert.ok(!(model.table.buffer instanceof SharedArrayBuffer), 'the original is left untouched');
});

test('a worker thread reads the shared table without a copy: its write is seen by the sender', async () => {
  const table = toSharedArray(new Int32Array(16));
  const worker = new Worker('const { workerData, parentPort } = require("node:worker_threads"); workerData.table[3] = 99; parentPort.postMessage(workerData.table.buffer instanceof SharedArrayBuffer);', { eval: true, workerData: { table } });
  const sawShared = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  await worker.terminate();
  assert.equal(sawShared, true);
  assert.equal(table[3], 99);
});
