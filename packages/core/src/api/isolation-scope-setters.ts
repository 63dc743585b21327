import { callGuarded } from '../lib';
import { getIsolationScope, type TagValue } from '../scope';
import type { Context, EventProcessor, User } from '../types';

// These write to the isolation scope — the current request or user session — as in the Python SDK,
// so that data set anywhere while handling a request goes on every event of that request.

/** Sets the user of the current request or session; `null` removes it. */
export function setUser(user: User | null): void {
  callGuarded('setUser', () => getIsolationScope().setUser(user), undefined);
}

/** Sets one tag (stored as a string; `null`/`undefined` remove it). */
export function setTag(key: string, value: TagValue): void {
  callGuarded('setTag', () => getIsolationScope().setTag(key, value), undefined);
}

/** Sets several tags at once. */
export function setTags(tags: Record<string, TagValue>): void {
  callGuarded('setTags', () => getIsolationScope().setTags(tags), undefined);
}

/** Sets one arbitrary value under `extra`. */
export function setExtra(key: string, extra: unknown): void {
  callGuarded('setExtra', () => getIsolationScope().setExtra(key, extra), undefined);
}

/** Sets several extras at once. */
export function setExtras(extras: Record<string, unknown>): void {
  callGuarded('setExtras', () => getIsolationScope().setExtras(extras), undefined);
}

/** Sets one context (`contexts[name]`); `null` removes it. */
export function setContext(name: string, context: Context | null): void {
  callGuarded('setContext', () => getIsolationScope().setContext(name, context), undefined);
}

/** Adds a processor that may change or drop (null) every event of the current request or session. */
export function addEventProcessor(processor: EventProcessor): void {
  callGuarded('addEventProcessor', () => getIsolationScope().addEventProcessor(processor), undefined);
}
