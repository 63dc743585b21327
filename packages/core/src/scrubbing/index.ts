export { createScrubber, type ScrubbingOptions } from './create-scrubber';
export { scrubData, type Scrubber } from './scrub-data';
export { scrubEnvelope } from './scrub-envelope';
export { FILTERED } from './value-patterns';
