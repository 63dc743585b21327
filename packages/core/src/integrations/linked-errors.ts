import { exceptionFromError } from '../event';
import { attempt, copyOwnEntries, isError, readProperty } from '../lib';
import type { Exception, Integration, StackParser } from '../types';

const NAME = 'LinkedErrors';

/** Which property links an error to its cause, and how many linked errors to send at most. */
export interface LinkedErrorsOptions {
  /** Default `cause`. */
  key?: string;
  /** Linked errors besides the thrown one. Default 5. */
  limit?: number;
}

interface Walk {
  key: string;
  limit: number;
  parser: StackParser;
  /** Exceptions in walk order: the thrown one first; its index is its `exception_id`. */
  walked: Exception[];
  seen: Set<unknown>;
}

/**
 * Adds the errors linked to the thrown one (its `cause` chain and `AggregateError` members,
 * recursively) as an exception group (protocol.md §5.2): root cause first, thrown last.
 */
export function linkedErrorsIntegration(input: LinkedErrorsOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<LinkedErrorsOptions>(input);
  const key = typeof options.key === 'string' ? options.key : 'cause';
  const limit = typeof options.limit === 'number' ? options.limit : 5;
  return {
    name: NAME,
    preprocessEvent(event, hint, client) {
      const values = event.exception?.values;
      const error = hint.originalException;
      const thrown = values?.[values.length - 1];
      if (!values || !thrown || !isError(error)) return;
      // Already linked (by the user or a runtime): leave the group as it is.
      if (values.some((value) => value.mechanism?.exception_id !== undefined)) return;
      try {
        const walk: Walk = { key, limit, parser: client.getOptions().stackParser, walked: [], seen: new Set([error]) };
        visit(walk, error, thrown);
        event.exception = { ...event.exception, values: [...values.slice(0, -1), ...walk.walked.reverse()] };
      } catch {
        // a hostile error leaves the event as the pipeline built it
      }
    },
  };
}

function visit(walk: Walk, error: unknown, exception: Exception, parentId?: number, source?: string): void {
  const id = walk.walked.length;
  const members = readMembers(error);
  exception.mechanism = {
    ...(exception.mechanism ?? { type: id === 0 ? 'generic' : 'chained' }),
    exception_id: id,
    ...(parentId === undefined ? {} : { parent_id: parentId }),
    ...(source === undefined ? {} : { source }),
    ...(members ? { is_exception_group: true } : {}),
  };
  walk.walked.push(exception);

  const children: [unknown, string][] = [[readProperty(error, walk.key), walk.key]];
  if (members) {
    for (let i = 0; i < members.length && i < walk.limit; i++) children.push([readProperty(members, i), `errors[${i}]`]);
  }
  for (const [child, childSource] of children) {
    if (walk.walked.length > walk.limit) return;
    // A cause chain that loops back stops here.
    if (!isError(child) || walk.seen.has(child)) continue;
    walk.seen.add(child);
    const childException = toException(walk.parser, child);
    if (childException) visit(walk, child, childException, id, childSource);
  }
}

/** The members of an AggregateError (or look-alike with an `errors` array). */
function readMembers(error: unknown): unknown[] | undefined {
  const errors = readProperty(error, 'errors');
  return attempt(() => Array.isArray(errors)) ? (errors as unknown[]) : undefined;
}

function toException(parser: StackParser, error: Error): Exception | undefined {
  try {
    return { ...exceptionFromError(parser, error), mechanism: { type: 'chained' } };
  } catch {
    return undefined;
  }
}
