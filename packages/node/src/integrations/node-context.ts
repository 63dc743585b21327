import * as os from 'node:os';
import type { Contexts, Event, Integration } from '@sentry-sdk/core';
import {
  getAppStartTime,
  getCloudResourceContext,
  getCultureContext,
  getDeviceContext,
  getOsContext,
} from '../context';

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
export function nodeContextIntegration(options: NodeContextOptions = {}): Integration {
  let fixed: Promise<Contexts> | undefined;
  const deviceOptions = typeof options.device === 'object' ? options.device : {};
  const device = options.device !== false;
  const memory = device && deviceOptions.memory !== false;

  return {
    name: NAME,
    async processEvent(event) {
      fixed ??= collectFixedContexts(options);
      const contexts = await fixed;
      const perEvent: Contexts = {};
      if (options.app !== false)
        perEvent['app'] = { ...contexts['app'], app_memory: process.memoryUsage.rss() };
      if (device && memory) perEvent['device'] = { ...contexts['device'], free_memory: os.freemem() };
      return mergeContexts(event, { ...contexts, ...perEvent });
    },
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
