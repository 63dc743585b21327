import type { DsnComponents } from '../types';
import { DEBUG_BUILD } from './debug-build';

// {protocol}://{publicKey}[:{pass}]@{host}[:{port}][/{path}]/{projectId}  (protocol.md §1.1)
const DSN_PATTERN = /^(https?):\/\/([^:@/]+)(?::([^@/]*))?@(\[[0-9a-fA-F:.]+\]|[^:/?#]+)(?::(\d+))?(\/.*)?$/;
const ORG_ID_FROM_HOST = /^o(\d+)\./;

/** A DSN's parts, or the reason it is not a DSN (naming the part that is wrong; debug builds only). */
export type DsnParseResult = { dsn: DsnComponents } | { error: string };

// The reason only feeds debug messages: minified bundles keep a generic one.
function invalid(reason: string): DsnParseResult {
  return { error: DEBUG_BUILD ? reason : 'invalid dsn' };
}

/** Parses a DSN string; never throws. */
export function parseDsn(input: unknown): DsnParseResult {
  if (typeof input !== 'string' || input.trim() === '') return invalid('dsn must be a non-empty string');
  const match = DSN_PATTERN.exec(input.trim());
  if (!match) return invalid(`dsn "${input}" is not of the form https://<public key>@<host>/<project id>`);
  const [, protocol, publicKey = '', pass = '', host = '', port = '', rawPath = ''] = match;
  const segments = rawPath.split('/').filter(Boolean);
  const last = segments.pop() ?? '';
  const projectId = /^\d+/.exec(last)?.[0];
  if (!projectId) return invalid(`dsn "${input}" has no numeric project id as its last path segment`);
  const orgId = ORG_ID_FROM_HOST.exec(host)?.[1];
  return {
    dsn: {
      protocol: protocol as 'http' | 'https',
      publicKey,
      pass,
      host,
      port,
      path: segments.join('/'),
      projectId,
      ...(orgId ? { orgId } : {}),
    },
  };
}

/** The DSN in its public form (no secret), as the envelope header `dsn` carries it. */
export function dsnToString(dsn: DsnComponents): string {
  const port = dsn.port ? `:${dsn.port}` : '';
  const path = dsn.path ? `/${dsn.path}` : '';
  return `${dsn.protocol}://${dsn.publicKey}@${dsn.host}${port}${path}/${dsn.projectId}`;
}
