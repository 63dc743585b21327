import { applyScopeDataToEvent } from '../scope';
import { dateTimestampInSeconds } from '../lib';
import type { ClientOptions, Event, EventHint, ScopeData, SdkInfo } from '../types';

/**
 * The "build" and "apply scopes" steps of the pipeline (protocol.md §5.1): fills the fields every
 * event carries from the client's options — the event's own values win — then merges the scope data
 * (global → isolation → current, already combined) and hands the scopes' attachments and internal
 * metadata to the hint, where processors find them and from where nothing is sent as such.
 */
export function prepareEvent(
  event: Event,
  hint: EventHint & { event_id: string },
  scopeData: ScopeData,
  options: ClientOptions,
  integrationNames: string[],
): Event {
  event.event_id = hint.event_id;
  if (typeof event.timestamp !== 'number' && typeof event.timestamp !== 'string')
    event.timestamp = dateTimestampInSeconds();
  event.platform ??= options.platform;
  event.environment ??= options.environment ?? 'production';
  if (event.release === undefined && options.release !== undefined) event.release = options.release;
  if (event.dist === undefined && options.dist !== undefined) event.dist = options.dist;
  if (event.server_name === undefined && options.serverName !== undefined)
    event.server_name = options.serverName;
  event.sdk = sdkInfo(event.sdk, options, integrationNames);

  applyScopeDataToEvent(event, scopeData, options.maxBreadcrumbs);

  if (scopeData.attachments.length)
    hint.attachments = [...(hint.attachments ?? []), ...scopeData.attachments];
  if (Object.keys(scopeData.sdkProcessingMetadata).length) {
    hint.data = { ...scopeData.sdkProcessingMetadata, ...hint.data };
  }
  return event;
}

function sdkInfo(own: SdkInfo | undefined, options: ClientOptions, integrationNames: string[]): SdkInfo {
  const base = options.sdk;
  const info: SdkInfo = { name: base.name, version: base.version, integrations: integrationNames.slice() };
  if (base.packages?.length)
    info.packages = base.packages.map((pkg) => ({ name: pkg.name, version: pkg.version }));
  // an event that brings its own sdk block (e.g. forwarded by another SDK) keeps what it says
  return own && typeof own === 'object' ? { ...info, ...own } : info;
}
