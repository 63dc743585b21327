import { createEnvelope, createSessionItem } from '../envelope';
import { dsnToString } from '../lib';
import type { Client } from '../types';
import type { SessionUpdate } from './session-update';

/** Sends `session` as it is now, in an envelope of its own (with the DSN when a tunnel relays it). */
export function sendSessionUpdate(client: Client, session: SessionUpdate): void {
  const { sdk, tunnel } = client.getOptions();
  const dsn = client.getDsn();
  const headers = {
    sdk: { name: sdk.name, version: sdk.version },
    ...(tunnel && dsn && { dsn: dsnToString(dsn) }),
  };
  void client.sendEnvelope(createEnvelope(headers, [createSessionItem({ ...session })]));
}
