/** The time stage: temporal expressions normalised to TIMEX3 values, anchored on the publication date. */
export { timeStage, findTimes, TIME_VERSION } from './time.js';
export { tenseAt, type Tense } from './tense.js';
export { parseReferenceDay, type CalendarDay } from './calendar.js';
