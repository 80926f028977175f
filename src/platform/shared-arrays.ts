/**
 * Typed arrays in shared memory. A model whose weight tables live in SharedArrayBuffers can be handed to worker
 * threads (`workerData`, `postMessage`) without a copy: structured cloning shares a SharedArrayBuffer, so every
 * thread reads the one table and the process holds it once (plain ArrayBuffers would be copied into each worker).
 */

type NumericArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** The same values in a SharedArrayBuffer (the array itself when it already is shared). */
export function toSharedArray<T extends NumericArray>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  // A Buffer's constructor is the deprecated `Buffer(…)` (DEP0005, printed on every CLI run): Buffer.from gives a
  // Buffer view over the shared memory instead, so callers keep toString and indexOf.
  if (Buffer.isBuffer(array)) {
    const shared = Buffer.from(new SharedArrayBuffer(array.byteLength));
    shared.set(array);
    return shared as unknown as T;
  }
  const Ctor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const shared = new Ctor(new SharedArrayBuffer(array.byteLength));
  (shared as unknown as { set(from: ArrayLike<number>): void }).set(array);
  return shared;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const isNumericArray = (value: unknown): value is NumericArray => ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);

/**
 * A copy of a plain-data model in which every typed array of at least `minBytes` bytes, in the object or in its
 * nested plain objects, is moved to shared memory. Maps, Sets and arrays are kept as they are (they are small
 * beside the weight tables, and structured cloning copies them).
 */
export function shareTypedArrays<T>(value: T, minBytes = 64 * 1024): T {
  if (isNumericArray(value)) return (value.byteLength >= minBytes ? toSharedArray(value) : value) as T;
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, shareTypedArrays(field, minBytes)])) as T;
}
