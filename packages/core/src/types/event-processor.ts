import type { Event } from './event';
import type { EventHint } from './hint';

/** Changes an event, or drops it by returning `null`. May be async. */
export type EventProcessor = (event: Event, hint: EventHint) => Event | null | PromiseLike<Event | null>;
