import { DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';

/** Options every database and cache integration takes. */
export interface DatabaseIntegrationOptions {
  /** `false` turns the integration off (it is on by default, and costs nothing until its library loads). */
  enabled?: boolean;
  /** A span per operation made while a span is active. Default true. */
  spans?: boolean;
  /** A breadcrumb per operation. Default true. */
  breadcrumbs?: boolean;
}

/** Options every queue integration takes. */
export interface QueueIntegrationOptions {
  /** `false` turns the integration off (it is on by default, and costs nothing until its library loads). */
  enabled?: boolean;
  /** `queue.publish` spans and `queue.process` transactions. Default true. */
  spans?: boolean;
  /** Carry `sentry-trace` and `baggage` in the messages and continue that trace in the consumer. Default true. */
  propagateTraces?: boolean;
}

/**
 * Reads a boolean option of an integration (guarded: a throwing getter reads as unset), falling
 * back to `fallback` with a debug message naming the option when the value is not a boolean.
 */
export function readBooleanOption(
  integration: string,
  options: object | undefined,
  key: string,
  fallback: boolean,
): boolean {
  let value: unknown;
  try {
    value = options ? (options as Record<string, unknown>)[key] : undefined;
  } catch {
    value = undefined;
  }
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  DEBUG_BUILD &&
    debug.warn(`${integration}: the option \`${key}\` must be a boolean; using ${String(fallback)}`);
  return fallback;
}

/** The recording options of a database integration, or undefined when it is turned off. */
export function readDatabaseOptions(
  integration: string,
  options: DatabaseIntegrationOptions | undefined,
): { spans: boolean; breadcrumbs: boolean } | undefined {
  if (!readBooleanOption(integration, options, 'enabled', true)) return undefined;
  return {
    spans: readBooleanOption(integration, options, 'spans', true),
    breadcrumbs: readBooleanOption(integration, options, 'breadcrumbs', true),
  };
}

/** The recording options of a queue integration, or undefined when it is turned off. */
export function readQueueOptions(
  integration: string,
  options: QueueIntegrationOptions | undefined,
): { spans: boolean; propagateTraces: boolean } | undefined {
  if (!readBooleanOption(integration, options, 'enabled', true)) return undefined;
  return {
    spans: readBooleanOption(integration, options, 'spans', true),
    propagateTraces: readBooleanOption(integration, options, 'propagateTraces', true),
  };
}
