import * as os from 'node:os';
import type { Contexts, Event, Integration } from '@sentry-sdk/core';
import {
  getAppStartTime,
  getCloudResourceContext,
  getCultureContext,
  getDeviceContext,
  getOsContext,
} from '../context';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'Context';

/** Which contexts nodeContextIntegration adds; all default to true. */
export interface NodeContextOptions {
  app?: boolean;
  os?: boolean;
  device?: boolean | { cpu?: boolean; memory?: boolean };
  culture?: boolean;
  cloudResource?: boolean;
}

/**
 * Adds the contexts of the process (protocol.md §5.7): `runtime` (node and its version), `app`
 * (start time, resident memory), `os`, `device` (arch, boot time, memory, CPUs), `culture` (locale,
 * time zone) and `cloud_resource` (provider and region from the platform's environment). Facts
 * that never change are gathered once, at the first event; values the event already has win.
 */
export function nodeContextIntegration(input: NodeContextOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<NodeContextOptions>(input);
  let fixed: Promise<Contexts> | undefined;
  const deviceOptions = typeof options.device === 'object' ? options.device : {};
  const device = options.device !== false;
  const memory = device && deviceOptions.memory !== false;

  const readMemory = memoryReader();

  return {
    name: NAME,
    async processEvent(event) {
      fixed ??= collectFixedContexts(options);
      const contexts = await fixed;
      const perEvent: Contexts = {};
      const reading = readMemory();
      if (options.app !== false) perEvent['app'] = { ...contexts['app'], app_memory: reading.rss };
      if (device && memory) perEvent['device'] = { ...contexts['device'], free_memory: reading.free };
      return mergeContexts(event, { ...contexts, ...perEvent });
    },
  };
}

/** How long a memory reading serves events: a busy service then reads it a few times a second, not per event. */
const MEMORY_READING_TTL_MS = 250;

/** Resident and free memory, read at most once per {@link MEMORY_READING_TTL_MS}. */
function memoryReader(): () => { rss: number; free: number } {
  let reading: { rss: number; free: number; at: number } | undefined;
  return () => {
    const now = Date.now();
    if (!reading || now - reading.at >= MEMORY_READING_TTL_MS || now < reading.at) {
      reading = { rss: process.memoryUsage.rss(), free: os.freemem(), at: now };
    }
    return reading;
  };
}

async function collectFixedContexts(options: NodeContextOptions): Promise<Contexts> {
  const contexts: Contexts = { runtime: { name: 'node', version: process.version } };
  if (options.app !== false) contexts['app'] = { app_start_time: getAppStartTime() };
  if (options.device !== false) {
    const device = typeof options.device === 'object' ? options.device : {};
    contexts['device'] = getDeviceContext({ cpu: device.cpu !== false, memory: device.memory !== false });
  }
  if (options.culture !== false) contexts['culture'] = getCultureContext();
  if (options.cloudResource !== false) {
    const cloud = getCloudResourceContext();
    if (cloud) contexts['cloud_resource'] = cloud;
  }
  if (options.os !== false) contexts['os'] = { ...(await getOsContext()) };
  return contexts;
}

/** Our contexts under the event's own: a key the event set keeps its value. */
function mergeContexts(event: Event, ours: Contexts): Event {
  const own = event.contexts ?? {};
  const merged: Contexts = { ...own };
  for (const [key, value] of Object.entries(ours)) {
    const existing = own[key];
    merged[key] = existing && typeof existing === 'object' ? { ...value, ...existing } : value;
  }
  event.contexts = merged;
  return event;
}
