import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureMessage, close, type Breadcrumb, type Event } from '@sentry-sdk/core';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { init } from '../sdk';
import { childProcessIntegration } from './child-process';

let ingest: IngestServer;
beforeAll(async () => {
  ingest = await startIngestServer();
  init({ dsn: ingest.dsn, defaultIntegrations: false, integrations: [childProcessIntegration()] });
});
afterAll(async () => {
  await close(1000);
  await ingest.close();
});

async function nextEvents(count: number, action: () => void): Promise<Event[]> {
  const before = ingest.received.length;
  action();
  const received = await ingest.waitForEnvelopes(before + count);
  return received.slice(before).map((entry) => {
    const event = entry.envelope[1][0]![1] as Event;
    assertValidEvent(event);
    return event;
  });
}

const lastCrumb = async (): Promise<Breadcrumb | undefined> =>
  (await nextEvents(1, () => captureMessage('check')))[0]!.breadcrumbs?.values?.at(-1);

describe('childProcessIntegration', () => {
  it('leaves a breadcrumb when a child process exits with a non-zero code', async () => {
    const child = spawn(process.execPath, ['-e', 'process.exit(3)']);
    await once(child, 'exit');
    expect(await lastCrumb()).toMatchObject({
      category: 'child_process',
      level: 'warning',
      message: "Child process exited with code '3'",
      data: { spawnfile: process.execPath, code: 3 },
    });
  });

  it('says nothing about a child that exits with 0, and names the signal of a killed one', async () => {
    const ok = spawn(process.execPath, ['-e', '']);
    await once(ok, 'exit');
    const killed = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    const crumbs = (await nextEvents(1, () => captureMessage('check')))[0]!.breadcrumbs!.values!;
    const recent = crumbs.filter((crumb) => crumb.category === 'child_process').slice(-1);
    expect(recent).toEqual([
      expect.objectContaining({ message: "Child process exited with signal 'SIGKILL'" }),
    ]);
    expect(recent[0]!.data).not.toHaveProperty('spawnargs');
  });

  it('records a child that could not start, without taking the error from the app', async () => {
    const child = spawn('/nonexistent/binary-for-test');
    const [error] = (await once(child, 'error')) as [Error];
    expect(error.message).toMatch(/ENOENT/);
    expect(await lastCrumb()).toMatchObject({
      category: 'child_process',
      level: 'error',
      message: expect.stringMatching(/ENOENT/),
    });
  });

  it('leaves a breadcrumb for a worker exiting non-zero and captures worker errors', async () => {
    const exiting = new Worker('process.exit(2)', { eval: true });
    await once(exiting, 'exit');
    expect(await lastCrumb()).toMatchObject({
      category: 'worker_thread',
      message: "Worker thread exited with code '2'",
    });

    const [event] = await nextEvents(1, () => {
      const failing = new Worker("throw new TypeError('worker broke')", { eval: true });
      failing.on('error', () => undefined); // the app handles it: no crash
    });
    expect(event!.exception!.values!.at(-1)).toMatchObject({
      type: 'TypeError',
      value: 'worker broke',
      mechanism: { type: 'auto.child_process.worker_thread', handled: false },
    });
  });
});
