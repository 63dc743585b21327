import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Client, Event } from '@sentry-sdk/core';
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { nodeContextIntegration, type NodeContextOptions } from './node-context';

const baseEvent = (): Event => ({
  event_id: 'abcdefabcdefabcdefabcdefabcdefab',
  timestamp: Date.now() / 1000,
  platform: 'node',
  logentry: { message: 'hi' },
});

async function contextsOf(
  event: Event,
  options?: NodeContextOptions,
): Promise<Record<string, Record<string, unknown>>> {
  const processed = (await nodeContextIntegration(options).processEvent!(event, {}, {} as Client)) as Event;
  assertValidEvent(processed);
  return processed.contexts as Record<string, Record<string, unknown>>;
}

describe('nodeContextIntegration', () => {
  it('adds runtime, app, os, device and culture contexts of this process', async () => {
    const before = Date.now();
    const contexts = await contextsOf(baseEvent());
    expect(contexts['runtime']).toEqual({ name: 'node', version: process.version });

    const app = contexts['app']!;
    expect(Date.parse(app['app_start_time'] as string)).toBeLessThanOrEqual(before);
    expect(Date.parse(app['app_start_time'] as string)).toBeGreaterThan(
      before - process.uptime() * 1000 - 5000,
    );
    expect(app['app_memory']).toBeGreaterThan(1024 * 1024);

    const device = contexts['device']!;
    expect(device).toMatchObject({
      arch: os.arch(),
      memory_size: os.totalmem(),
      processor_count: os.cpus().length,
      free_memory: expect.any(Number),
    });
    const bootTime = Date.parse(device['boot_time'] as string);
    expect(Math.abs(bootTime - (Date.now() - os.uptime() * 1000))).toBeLessThan(5000);

    const culture = Intl.DateTimeFormat().resolvedOptions();
    expect(contexts['culture']).toMatchObject({ locale: culture.locale, timezone: culture.timeZone });

    expect(contexts['os']!['kernel_version']).toBe(os.release());
    if (os.platform() === 'linux') {
      const name = /^NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
      expect(contexts['os']!['name']).toBe(name ?? 'Linux');
    }
  });

  it('keeps what the event already says', async () => {
    const event = { ...baseEvent(), contexts: { os: { name: 'Custom OS' }, app: { app_name: 'billing' } } };
    const contexts = await contextsOf(event);
    expect(contexts['os']).toMatchObject({ name: 'Custom OS', kernel_version: os.release() });
    expect(contexts['app']).toMatchObject({ app_name: 'billing', app_memory: expect.any(Number) });
  });

  it('leaves out the contexts turned off', async () => {
    const contexts = await contextsOf(baseEvent(), {
      app: false,
      os: false,
      culture: false,
      device: { cpu: false, memory: false },
    });
    expect(Object.keys(contexts).sort()).toEqual(['device', 'runtime']);
    expect(Object.keys(contexts['device']!).sort()).toEqual(['arch', 'boot_time']);
  });

  it('reports free memory per event but gathers fixed facts once', async () => {
    const integration = nodeContextIntegration();
    const first = (await integration.processEvent!(baseEvent(), {}, {} as Client)) as Event;
    const second = (await integration.processEvent!(baseEvent(), {}, {} as Client)) as Event;
    expect(second.contexts!['device']!['boot_time']).toBe(first.contexts!['device']!['boot_time']);
    expect(second.contexts!['app']!['app_start_time']).toBe(first.contexts!['app']!['app_start_time']);
  });

  it('adds a cloud_resource context when the platform announces itself', async () => {
    const saved = { ...process.env };
    process.env['VERCEL'] = '1';
    process.env['VERCEL_REGION'] = 'fra1';
    try {
      const contexts = await contextsOf(baseEvent());
      expect(contexts['cloud_resource']).toEqual({ 'cloud.provider': 'vercel', 'cloud.region': 'fra1' });
    } finally {
      process.env = saved;
    }
  });
});
