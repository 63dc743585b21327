import { resetBudget } from './scrub-data';
import { scrubEventLike } from './scrub-item';
import { createScrubber } from './create-scrubber';

const scrubbers = new WeakMap<object, ReturnType<typeof createScrubber>>();

/**
 * An event scrubbed per a client's `scrubbing` option, for the rare event that does not reach the
 * client's `sendEnvelope` (the ANR worker sends its own). `undefined` when it could not be read through.
 */
export function scrubEventForOptions<T extends object>(
  event: T,
  options: { scrubbing?: unknown },
): T | undefined {
  try {
    let scrubber = scrubbers.get(options);
    if (!scrubbers.has(options)) {
      scrubber = createScrubber(options.scrubbing);
      scrubbers.set(options, scrubber);
    }
    if (!scrubber) return event;
    resetBudget();
    return scrubEventLike(event, scrubber);
  } catch {
    return undefined;
  }
}
