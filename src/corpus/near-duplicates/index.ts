/** Near-duplicate (syndicated copy) detection. */
export * from './near-duplicates.js';
