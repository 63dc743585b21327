import { readFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { captureException, type Event } from '@sentry-sdk/core';
import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { systemErrorIntegration } from './system-error';

const MISSING = '/tmp/sentry-sdk-no-such-dir/customer-4711.json';

function readMissingFile(): unknown {
  try {
    readFileSync(MISSING);
  } catch (error) {
    return error;
  }
  throw new Error('the file exists');
}

async function captureOne(error: unknown, sendDefaultPii: boolean): Promise<Event> {
  const { events } = await withCapturedEnvelopes(() => captureException(error), {
    integrations: [systemErrorIntegration()],
    sendDefaultPii,
  });
  expect(events).toHaveLength(1);
  return events[0]!;
}

/** A real ECONNREFUSED: a port that was just closed. */
async function refusedConnection(): Promise<unknown> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return new Promise((resolve) => connect(port, '127.0.0.1').on('error', resolve));
}

describe('systemErrorIntegration', () => {
  it('adds code, syscall and errno, and takes the path out of the message without PII', async () => {
    const event = await captureOne(readMissingFile(), false);
    expect(event.contexts!['node_system_error']).toEqual({ code: 'ENOENT', syscall: 'open', errno: -2 });
    const value = event.exception!.values![0]!.value!;
    expect(value).toBe("ENOENT: no such file or directory, open '[Filtered]'");
    expect(JSON.stringify(event)).not.toContain('customer-4711');
  });

  it('keeps the path in the context and the message with sendDefaultPii', async () => {
    const event = await captureOne(readMissingFile(), true);
    expect(event.contexts!['node_system_error']).toEqual({
      code: 'ENOENT',
      syscall: 'open',
      errno: -2,
      path: MISSING,
    });
    expect(event.exception!.values![0]!.value).toContain(MISSING);
  });

  it('adds the port of a refused connection, and its address only with sendDefaultPii', async () => {
    const error = await refusedConnection();
    const withoutPii = await captureOne(error, false);
    expect(withoutPii.contexts!['node_system_error']).toEqual({
      code: 'ECONNREFUSED',
      syscall: 'connect',
      errno: expect.any(Number),
      port: expect.any(Number),
    });
    const withPii = await captureOne(error, true);
    expect(withPii.contexts!['node_system_error']).toMatchObject({ address: '127.0.0.1' });
  });

  it('leaves other errors and hostile ones alone', async () => {
    const plain = await captureOne(new TypeError('not a system error'), false);
    expect(plain.contexts?.['node_system_error']).toBeUndefined();
    const hostile = Object.defineProperty(new Error('getter'), 'code', {
      get() {
        throw new Error('no');
      },
    });
    const event = await captureOne(hostile, false);
    expect(event.contexts?.['node_system_error']).toBeUndefined();
  });
});
