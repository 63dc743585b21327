import { attempt } from '../lib';
import { getGlobalScope, getIsolationScope } from '../scope';
import type { Event, User } from '../types';

/** One update of a user-mode session as the `session` item carries it (protocol.md §8.1). */
export interface SessionUpdate {
  sid: string;
  did?: string;
  init: boolean;
  started: string;
  timestamp: string;
  /** `ok` while in progress; `exited` and `crashed` end it. */
  status: 'ok' | 'exited' | 'crashed';
  errors: number;
  /** Seconds since `started`; browser sessions leave it out. */
  duration?: number;
  attrs: { release: string; environment: string; user_agent?: string; ip_address?: string };
}

/** An unhandled error, or a `fatal` event without exceptions: the session crashed. */
export function isSessionCrash(event: Event): boolean {
  const exceptions = event.exception?.values ?? [];
  if (exceptions.length === 0) return event.level === 'fatal';
  return exceptions.some((exception) => exception.mechanism?.handled === false);
}

/** Exceptions at level error (their default) or fatal count; `captureMessage` never does. */
export function isSessionError(event: Event): boolean {
  const level = event.level ?? 'error';
  return (event.exception?.values?.length ?? 0) > 0 && (level === 'error' || level === 'fatal');
}

/** The session's distinct id: the user's id, email or username from the global and isolation scopes. */
export function sessionDistinctId(): string | undefined {
  // the user comes from app code: a throwing getter means no distinct id
  return attempt(() => {
    const user: User = { ...getGlobalScope().getUser(), ...getIsolationScope().getUser() };
    const id = user.id ?? user.email ?? user.username;
    return id === undefined || id === null || id === '' ? undefined : String(id);
  });
}
