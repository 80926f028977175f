/** The `events` stage: PLOVER/CAMEO event coding. */
export { createEventsStage, dictDate, modalityOfToken, toEventMention } from './events.js';
