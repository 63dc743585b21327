import { createEnvelope, createSessionItem } from '../envelope';
import { dsnToString, isoTimestamp } from '../lib';
import type { Client } from '../types';
import { sessionDistinctId, type SessionUpdate } from './session-update';

/**
 * Stamps `session` (its `did` while none was sent yet, its `timestamp`) and sends it as it is now,
 * in an envelope of its own (with the DSN when a tunnel relays it); later updates are not `init`.
 */
export function sendSessionUpdate(client: Client, session: SessionUpdate): void {
  // `did` is immutable once sent; until then it follows the user (a later setUser is picked up)
  if (session.did === undefined) {
    const did = sessionDistinctId();
    if (did !== undefined) session.did = did;
  }
  session.timestamp = isoTimestamp();
  const { sdk, tunnel } = client.getOptions();
  const dsn = client.getDsn();
  const headers = {
    sdk: { name: sdk.name, version: sdk.version },
    ...(tunnel && dsn && { dsn: dsnToString(dsn) }),
  };
  void client.sendEnvelope(createEnvelope(headers, [createSessionItem({ ...session })]));
  session.init = false;
}
