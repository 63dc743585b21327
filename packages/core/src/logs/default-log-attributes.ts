import { getGlobalScope, getIsolationScope, type Scope } from '../scope';
import type { Span } from '../tracing';
import type { ClientOptions, User } from '../types';
import { hasOwn } from './set-own';

let lastMs = -1;
let sequence = 0;

/** Orders logs within one millisecond: counts up while the integer-ms timestamp stays the same. */
export function nextTimestampSequence(ms: number): number {
  if (ms === lastMs) return ++sequence;
  lastMs = ms;
  sequence = 0;
  return 0;
}

function setDefault(attributes: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined && value !== null && value !== '' && !hasOwn(attributes, key)) attributes[key] = value;
}

function readUserField(scope: Scope, field: keyof User): unknown {
  for (const candidate of [scope, getIsolationScope(), getGlobalScope()]) {
    const value = candidate.getUser()?.[field];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/**
 * Adds the attributes every log carries (protocol.md §10) where the caller did not set them:
 * release, environment, SDK, server address, the active span, the user (with `sendDefaultPii`)
 * and the same-millisecond sequence number.
 */
export function addDefaultLogAttributes(
  attributes: Record<string, unknown>,
  options: ClientOptions,
  scope: Scope,
  span: Span | undefined,
  sequenceNumber: number,
): void {
  setDefault(attributes, 'sentry.release', options.release);
  setDefault(attributes, 'sentry.environment', options.environment ?? 'production');
  setDefault(attributes, 'sentry.sdk.name', options.sdk?.name);
  setDefault(attributes, 'sentry.sdk.version', options.sdk?.version);
  setDefault(attributes, 'server.address', options.serverName);
  if (span) setDefault(attributes, 'sentry.trace.parent_span_id', span.spanContext().spanId);
  if (options.sendDefaultPii === true) {
    setDefault(attributes, 'user.id', readUserField(scope, 'id'));
    setDefault(attributes, 'user.email', readUserField(scope, 'email'));
    setDefault(attributes, 'user.name', readUserField(scope, 'username'));
  }
  setDefault(attributes, 'sentry.timestamp.sequence', sequenceNumber);
}
