/** Cross-article event merging. */
export * from './merge-events.js';
export * from './time-window.js';
