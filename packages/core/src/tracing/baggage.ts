import type { DynamicSamplingContext } from './types';

const SENTRY_PREFIX = 'sentry-';
/** W3C baggage: at most 8192 characters in all (protocol.md §7.2). */
export const MAX_BAGGAGE_LENGTH = 8192;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.trim());
  } catch {
    return undefined;
  }
}

/** One header value or several (repeated headers, Node's string[]), as a list of members. */
function toMembers(header: unknown): string[] {
  const values = Array.isArray(header) ? (header as unknown[]) : [header];
  const members: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    for (const member of value.split(',')) {
      const trimmed = member.trim();
      if (trimmed) members.push(trimmed);
    }
  }
  return members;
}

function isSentryMember(member: string): boolean {
  return member.startsWith(SENTRY_PREFIX);
}

/**
 * The DSC carried by incoming `baggage` (`sentry-*` members, prefix removed, values decoded);
 * repeated headers are merged. `undefined` when there are no `sentry-*` members.
 */
export function baggageHeaderToDynamicSamplingContext(header: unknown): DynamicSamplingContext | undefined {
  let dsc: DynamicSamplingContext | undefined;
  for (const member of toMembers(header)) {
    if (!isSentryMember(member)) continue;
    const equals = member.indexOf('=');
    if (equals === -1) continue;
    const key = decode(member.slice(SENTRY_PREFIX.length, equals));
    // a member may carry `;properties` after its value; they mean nothing to Sentry
    const value = decode(member.slice(equals + 1).split(';')[0] ?? '');
    if (key && value !== undefined) (dsc ??= {})[key] = value;
  }
  return dsc;
}

/** The `sentry-*` baggage members for a DSC, within the size limit (members that would exceed it are dropped). */
export function dynamicSamplingContextToSentryBaggageHeader(
  dsc: DynamicSamplingContext | undefined,
): string | undefined {
  return joinWithinLimit([], sentryMembers(dsc));
}

/**
 * The `baggage` value for an outgoing request that already carries `existing`: other vendors'
 * members are kept, any `sentry-*` members replaced by the DSC's. `undefined` when empty.
 */
export function mergeBaggageHeader(
  existing: unknown,
  dsc: DynamicSamplingContext | undefined,
): string | undefined {
  const thirdParty = toMembers(existing).filter((member) => !isSentryMember(member));
  return joinWithinLimit(thirdParty, sentryMembers(dsc));
}

function sentryMembers(dsc: DynamicSamplingContext | undefined): string[] {
  const members: string[] = [];
  if (!dsc) return members;
  for (const key of Object.keys(dsc)) {
    const value = dsc[key];
    if (typeof value === 'string')
      members.push(`${SENTRY_PREFIX}${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return members;
}

/** Joins `others` then `ours`; ours are budgeted first, so the limit drops other vendors' members before Sentry's. */
function joinWithinLimit(others: string[], ours: string[]): string | undefined {
  let length = -1; // the first member needs no comma
  const take = (members: string[]): string[] =>
    members.filter((member) => {
      if (length + 1 + member.length > MAX_BAGGAGE_LENGTH) return false;
      length += 1 + member.length;
      return true;
    });
  const keptOurs = take(ours);
  const keptOthers = take(others);
  return [...keptOthers, ...keptOurs].join(',') || undefined;
}
