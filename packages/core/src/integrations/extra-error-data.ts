import { normalize } from '../event';
import { callGuarded, copyOwnEntries, isError, isPlainObject, ownKeys, readProperty } from '../lib';
import type { Integration } from '../types';

const NAME = 'ExtraErrorData';

/** How deep the error's own properties are kept, and whether its `cause` is added. */
export interface ExtraErrorDataOptions {
  /** Default 3. */
  depth?: number;
  /** Adds `cause` (as `Name: message` for errors, whose stack the linked errors already send). Default true. */
  captureErrorCause?: boolean;
}

// Sent already as the exception's type, value and stack; `cause` is added on its own, `toJSON` called.
const DESCRIBED = new Set(['name', 'message', 'stack', 'cause', 'toJSON']);

/**
 * Copies the thrown error's own properties (`code`, `statusCode`, …) and what its `toJSON`
 * returns into `contexts[ErrorName]`, so that they show up next to the stack trace.
 */
export function extraErrorDataIntegration(input: ExtraErrorDataOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<ExtraErrorDataOptions>(input);
  const depth = options.depth ?? 3;
  const captureErrorCause = options.captureErrorCause ?? true;
  return {
    name: NAME,
    processEvent(event, hint, client) {
      const error = hint.originalException;
      if (!isError(error)) return event;
      try {
        const data = collectErrorData(error, captureErrorCause);
        if (!data) return event;
        const { normalizeMaxBreadth, maxValueLength } = client.getOptions();
        const normalized = normalize(data, depth, normalizeMaxBreadth ?? 1000, maxValueLength);
        if (!isPlainObject(normalized)) return event;
        const name = getErrorName(error);
        event.contexts = { ...event.contexts, [name]: { ...event.contexts?.[name], ...normalized } };
      } catch {
        // the event goes out without the extra data
      }
      return event;
    },
  };
}

function collectErrorData(error: Error, captureErrorCause: boolean): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  // AggregateError members are sent as exceptions by the linked errors.
  const skipErrors = Array.isArray(readProperty(error, 'errors'));
  const copy = (source: unknown): void => {
    for (const key of ownKeys(source)) {
      if (DESCRIBED.has(key) || (skipErrors && key === 'errors')) continue;
      const value = readProperty(source, key);
      if (value !== undefined) data[key] = value;
    }
  };
  copy(error);

  const toJSON = readProperty(error, 'toJSON');
  if (typeof toJSON === 'function') {
    const json = callGuarded(`toJSON of ${getErrorName(error)}`, () => (toJSON as () => unknown).call(error), undefined);
    if (isPlainObject(json)) copy(json);
  }

  if (captureErrorCause) {
    const cause = readProperty(error, 'cause');
    if (cause !== undefined) data['cause'] = isError(cause) ? describeError(cause) : cause;
  }
  return Object.keys(data).length > 0 ? data : undefined;
}

function getErrorName(error: Error): string {
  const name = readProperty(error, 'name');
  if (typeof name === 'string' && name) return name;
  const constructorName = readProperty(readProperty(error, 'constructor'), 'name');
  return typeof constructorName === 'string' && constructorName ? constructorName : 'Error';
}

function describeError(error: Error): string {
  const message = readProperty(error, 'message');
  return typeof message === 'string' && message ? `${getErrorName(error)}: ${message}` : getErrorName(error);
}
