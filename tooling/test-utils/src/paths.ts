import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root folder. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared folder beside the repository (protocol, design, event schema); `SHARED_DIR` overrides it. */
export const SHARED_DIR = process.env['SHARED_DIR'] ?? resolve(REPO_ROOT, '../shared');

/**
 * Relay's event schema, copied untouched from shared/schemas into this package so that a clone
 * without the shared folder beside it (CI) validates against the same file.
 */
export const EVENT_SCHEMA_PATH = resolve(REPO_ROOT, 'tooling/test-utils/schemas/event.schema.json');

/** The shared folder's copy of the schema, which the vendored copy must equal. */
export const SHARED_EVENT_SCHEMA_PATH = resolve(SHARED_DIR, 'schemas/event.schema.json');

/** Whether the shared folder is where we expect it. */
export function hasSharedDir(): boolean {
  return existsSync(SHARED_EVENT_SCHEMA_PATH);
}
