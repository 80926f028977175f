/** Near-duplicate detection (shingles + MinHash + LSH) for syndicated copies of one story. */
export {
  estimateJaccard,
  exactJaccard,
  isNearDuplicate,
  LSH_BANDS,
  lshBandKeys,
  MINHASH_VERSION,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
  shingles,
  SHINGLE_WORDS,
  SIGNATURE_LENGTH,
  signatureFromHex,
  signatureToHex,
  words,
} from './minhash.js';
