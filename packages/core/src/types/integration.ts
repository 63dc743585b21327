import type { Client } from './client';
import type { Event } from './event';
import type { EventHint } from './hint';

/**
 * A plain object made by a factory, `fooIntegration(options)`. Installed once per name and client;
 * a later integration of the same name replaces an earlier one.
 */
export interface Integration {
  name: string;
  /** Once per process, for global patching (the first client that installs the name runs it). */
  setupOnce?(): void;
  /** Once per client. */
  setup?(client: Client): void;
  /** Once per client, after every integration's `setup`. */
  afterAllSetup?(client: Client): void;
  /** Mutates the event before any processor runs (e.g. linked errors). */
  preprocessEvent?(event: Event, hint: EventHint, client: Client): void;
  /** Changes or drops (null) every event of the client it is installed on. */
  processEvent?(event: Event, hint: EventHint, client: Client): Event | null | PromiseLike<Event | null>;
}
