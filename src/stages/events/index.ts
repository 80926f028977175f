/** The `events` stage: PLOVER/CAMEO event coding. */
export { createEventsStage, dictDate, modalityOfToken, rolesForTrigger, toEventMention } from './events.js';
