import type { DataCategory } from '../types';

// protocol.md §2.4: the rate-limit and client-report category of each item type.
const CATEGORY_BY_ITEM_TYPE: Readonly<Record<string, DataCategory>> = {
  event: 'error',
  transaction: 'transaction',
  attachment: 'attachment',
  session: 'session',
  sessions: 'session',
  client_report: 'internal',
  check_in: 'monitor',
  log: 'log_item',
  profile: 'profile',
  profile_chunk: 'profile_chunk',
  span: 'span',
  feedback: 'feedback',
  user_report: 'default',
  replay_event: 'replay',
  replay_recording: 'replay',
  raw_security: 'security',
  trace_metric: 'trace_metric',
};

/** The data category an item type is counted and rate limited under (unknown types: `default`). */
export function getItemCategory(itemType: string): DataCategory {
  return Object.prototype.hasOwnProperty.call(CATEGORY_BY_ITEM_TYPE, itemType)
    ? CATEGORY_BY_ITEM_TYPE[itemType]!
    : 'default';
}
