/** The time stage: temporal expressions normalised to TIMEX3 values, anchored on the publication date. */
export { timeStage, findTimes, findTimesWithAnchor, TIME_VERSION, type TimeAnchor, type FindTimesOptions } from './time.js';
export { inferAnchor, datePosition, type AnchorEvidence, type StatedDate } from './infer-anchor.js';
export { tenseAt, type Tense } from './tense.js';
export { parseReferenceDay, type CalendarDay } from './calendar.js';
