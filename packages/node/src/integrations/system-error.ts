import type { Event, EventHint, Integration } from '@sentry-sdk/core';

const NAME = 'NodeSystemError';

/** The fields Node gives its system errors (`ENOENT`, `ECONNREFUSED`, …): what the context carries. */
interface SystemErrorFields {
  code: string;
  syscall: string;
  errno?: number;
  path?: string;
  dest?: string;
  address?: string;
  port?: number;
}

/**
 * Adds a `node_system_error` context to events of Node system errors (errors with `code`,
 * `syscall` and `errno`): code, syscall, errno and port, plus `path`, `dest` and `address` with
 * `sendDefaultPii`. Without it, file paths are also taken out of the exception message
 * ("ENOENT: no such file or directory, open '[Filtered]'").
 */
export function systemErrorIntegration(): Integration {
  return {
    name: NAME,
    processEvent(event: Event, hint: EventHint, client) {
      const fields = readSystemError(hint.originalException);
      if (!fields) return event;
      const pii = client.getOptions().sendDefaultPii === true;
      const context: Record<string, unknown> = { code: fields.code, syscall: fields.syscall };
      if (fields.errno !== undefined) context['errno'] = fields.errno;
      if (fields.port !== undefined) context['port'] = fields.port;
      if (pii) {
        for (const key of ['path', 'dest', 'address'] as const) if (fields[key]) context[key] = fields[key];
      } else {
        filterPaths(event, [fields.path, fields.dest]);
      }
      event.contexts = { ...event.contexts, node_system_error: context };
      return event;
    },
  };
}

function readSystemError(value: unknown): SystemErrorFields | undefined {
  if (!(value instanceof Error)) return undefined;
  try {
    const { code, syscall, errno, path, dest, address, port } = value as Error & Record<string, unknown>;
    if (typeof code !== 'string' || typeof syscall !== 'string') return undefined;
    const fields: SystemErrorFields = { code, syscall };
    if (typeof errno === 'number') fields.errno = errno;
    if (typeof path === 'string') fields.path = path;
    if (typeof dest === 'string') fields.dest = dest;
    if (typeof address === 'string') fields.address = address;
    if (typeof port === 'number') fields.port = port;
    return fields;
  } catch {
    // a throwing getter: not something to report on
    return undefined;
  }
}

function filterPaths(event: Event, paths: (string | undefined)[]): void {
  const secrets = paths.filter((path): path is string => typeof path === 'string' && path.length > 0);
  if (!secrets.length) return;
  for (const exception of event.exception?.values ?? []) {
    if (typeof exception.value !== 'string') continue;
    for (const secret of secrets) exception.value = exception.value.split(secret).join('[Filtered]');
  }
}
