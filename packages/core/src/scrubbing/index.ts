export { createScrubber, type ScrubbingOptions } from './create-scrubber';
export type { Scrubber } from './scrub-data';
export { scrubEnvelope } from './scrub-envelope';
export { scrubEventForOptions } from './scrub-event';
