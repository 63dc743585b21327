import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root folder. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared folder beside the repository (protocol, design, event schema); `SHARED_DIR` overrides it. */
export const SHARED_DIR = process.env['SHARED_DIR'] ?? resolve(REPO_ROOT, '../shared');

/** Relay's event schema, copied into shared/ untouched. */
export const EVENT_SCHEMA_PATH = resolve(SHARED_DIR, 'schemas/event.schema.json');

/** Whether the shared folder is where we expect it. */
export function hasSharedDir(): boolean {
  return existsSync(EVENT_SCHEMA_PATH);
}
