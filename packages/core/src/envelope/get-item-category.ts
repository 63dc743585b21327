import type { DataCategory } from '../types';

// protocol.md §2.4: the rate-limit and client-report category of each item type. These item types
// are counted under the category of their own name…
const SAME_NAME: readonly string[] = [
  'transaction',
  'attachment',
  'session',
  'profile',
  'profile_chunk',
  'span',
  'feedback',
  'trace_metric',
];
// …and these under another one.
const CATEGORY_BY_ITEM_TYPE: Readonly<Record<string, DataCategory>> = {
  event: 'error',
  sessions: 'session',
  client_report: 'internal',
  check_in: 'monitor',
  log: 'log_item',
  user_report: 'default',
  replay_event: 'replay',
  replay_recording: 'replay',
  raw_security: 'security',
};

/** Every category that `getItemCategory` answers. */
export const ITEM_CATEGORIES = [...SAME_NAME, ...Object.values(CATEGORY_BY_ITEM_TYPE)] as DataCategory[];

/** The data category an item type is counted and rate limited under (unknown types: `default`). */
export function getItemCategory(itemType: string): DataCategory {
  if (SAME_NAME.includes(itemType)) return itemType as DataCategory;
  return Object.prototype.hasOwnProperty.call(CATEGORY_BY_ITEM_TYPE, itemType)
    ? CATEGORY_BY_ITEM_TYPE[itemType]!
    : 'default';
}
