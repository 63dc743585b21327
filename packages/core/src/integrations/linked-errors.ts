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
        const walked = walkLinkedErrors(error, thrown, key, limit, client.getOptions().stackParser);
        event.exception = { ...event.exception, values: [...values.slice(0, -1), ...walked.reverse()] };
      } catch {
        // a hostile error leaves the event as the pipeline built it
      }
    },
  };
}

/**
 * The exceptions of `error` and of the errors linked to it, in walk order: the thrown one first.
 * The index of each is its `exception_id`.
 */
function walkLinkedErrors(error: Error, thrown: Exception, key: string, limit: number, parser: StackParser): Exception[] {
  const walked: Exception[] = [];
  const seen = new Set<unknown>([error]);

  // `link` is where a linked error hangs from; the thrown error has none
  const visit = (current: unknown, exception: Exception, link?: { parent_id: number; source: string }): void => {
    const id = walked.length;
    const members = readMembers(current);
    exception.mechanism = {
      ...(exception.mechanism ?? { type: id === 0 ? 'generic' : 'chained' }),
      exception_id: id,
      ...link,
      ...(members ? { is_exception_group: true } : {}),
    };
    walked.push(exception);

    const children: [unknown, string][] = [[readProperty(current, key), key]];
    if (members) {
      for (let i = 0; i < members.length && i < limit; i++) children.push([readProperty(members, i), `errors[${i}]`]);
    }
    for (const [child, childSource] of children) {
      if (walked.length > limit) return;
      // A cause chain that loops back stops here.
      if (!isError(child) || seen.has(child)) continue;
      seen.add(child);
      const childException = toException(parser, child);
      if (childException) visit(child, childException, { parent_id: id, source: childSource });
    }
  };

  visit(error, thrown);
  return walked;
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
