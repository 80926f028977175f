/** The `events` stage: PLOVER/CAMEO event coding. */
export { createEventsStage, dictDate, toEventMention } from './events.js';
