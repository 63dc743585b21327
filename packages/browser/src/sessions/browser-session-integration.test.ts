import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  captureEvent,
  captureException,
  captureMessage,
  captureSession,
  endSession,
  getClient,
  setUser,
  startSession,
  type Event,
} from '@sentry-sdk/core';
import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import type { SessionUpdate } from '@sentry-sdk/core/internal';
import { browserSessionIntegration } from './browser-session-integration';

const RELEASE = { release: 'shop@1.2.3', environment: 'staging' };

beforeEach(() => {
  // The integration runs only on a page; a document is all it needs to see one.
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Test/1.0' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setUser(null);
});

async function sessionsOf(
  fn: () => unknown,
  options: Record<string, unknown> = RELEASE,
): Promise<{ sessions: SessionUpdate[]; events: Event[] }> {
  const { payloads, events } = await withCapturedEnvelopes(fn, {
    ...options,
    integrations: [browserSessionIntegration()],
  });
  return { sessions: payloads<SessionUpdate>('session'), events };
}

const unhandled = (message: string): Event => ({
  level: 'error',
  exception: {
    values: [
      {
        type: 'Error',
        value: message,
        mechanism: { type: 'auto.browser.global_handlers.onerror', handled: false },
      },
    ],
  },
});

describe('browserSessionIntegration', () => {
  it('sends one init update of an ok session with release, environment and user agent, without duration or IP', async () => {
    const { sessions } = await sessionsOf(() => undefined);
    expect(sessions).toEqual([
      {
        sid: expect.stringMatching(/^[0-9a-f]{32}$/),
        init: true,
        started: expect.any(String),
        timestamp: expect.any(String),
        status: 'ok',
        errors: 0,
        attrs: {
          release: 'shop@1.2.3',
          environment: 'staging',
          user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Test/1.0',
        },
      },
    ]);
    expect(sessions[0]).not.toHaveProperty('duration');
  });

  it('counts handled errors and sends on the first only, with init on the first update only', async () => {
    const { sessions } = await sessionsOf(() => {
      captureException(new Error('first'));
      captureException(new Error('second'));
      captureMessage('a message never counts', 'error');
      captureEvent({ level: 'warning', exception: { values: [{ type: 'Error', value: 'a warning' }] } });
    });
    expect(sessions.map(({ init, status, errors }) => ({ init, status, errors }))).toEqual([
      { init: true, status: 'ok', errors: 1 },
    ]);
  });

  it('marks the session crashed on an unhandled error and sends nothing after that', async () => {
    const { sessions } = await sessionsOf(() => {
      captureException(new Error('handled'));
      captureEvent(unhandled('uncaught'));
      captureException(new Error('after the crash'));
    });
    expect(sessions.map(({ init, status, errors }) => ({ init, status, errors }))).toEqual([
      { init: true, status: 'ok', errors: 1 },
      { init: false, status: 'crashed', errors: 2 },
    ]);
    expect(new Set(sessions.map((session) => session.sid)).size).toBe(1);
  });

  it('takes the distinct id from the user, and asks Relay for the IP only with sendDefaultPii', async () => {
    setUser({ id: 42, email: 'ana@example.org' });
    const { sessions } = await sessionsOf(() => undefined, { ...RELEASE, sendDefaultPii: true });
    expect(sessions[0]).toMatchObject({ did: '42', attrs: { ip_address: '{{auto}}' } });
  });

  it('sends no session without a release', async () => {
    const { sessions, events } = await sessionsOf(() => captureException(new Error('no release')), {});
    expect(events).toHaveLength(1);
    expect(sessions).toEqual([]);
  });

  it('ends the session as exited when the client closes', async () => {
    const { sessions } = await sessionsOf(() => getClient()?.close(1000));
    expect(sessions.map(({ init, status }) => ({ init, status }))).toEqual([
      { init: true, status: 'exited' },
    ]);
  });

  describe('driven by the manual session API', () => {
    // events reach the session once the pipeline has processed them: flushing waits for that
    const processed = async (): Promise<void> => void (await getClient()!.flush(1000));

    it('startSession ends the page session and begins a new one', async () => {
      const { sessions } = await sessionsOf(async () => {
        captureException(new Error('before the login'));
        await processed();
        startSession();
        captureException(new Error('after the login'));
        await processed();
      });
      expect(sessions.map(({ init, status, errors }) => ({ init, status, errors }))).toEqual([
        { init: true, status: 'ok', errors: 1 },
        { init: false, status: 'exited', errors: 1 },
        { init: true, status: 'ok', errors: 1 },
      ]);
      expect(sessions[0]!.sid).toBe(sessions[1]!.sid);
      expect(sessions[2]!.sid).not.toBe(sessions[0]!.sid);
    });

    it('captureSession sends the state now; captureSession(true) and endSession end it once', async () => {
      const { sessions } = await sessionsOf(async () => {
        captureSession();
        captureException(new Error('first'));
        await processed();
        captureException(new Error('second, riding along'));
        await processed();
        captureSession();
        captureSession(true);
        endSession();
        captureSession();
      });
      expect(sessions.map(({ init, status, errors }) => ({ init, status, errors }))).toEqual([
        { init: true, status: 'ok', errors: 0 },
        { init: false, status: 'ok', errors: 1 },
        { init: false, status: 'ok', errors: 2 },
        { init: false, status: 'exited', errors: 2 },
      ]);
    });

    it('sends nothing more for a crashed session until startSession begins another', async () => {
      const { sessions } = await sessionsOf(async () => {
        captureEvent(unhandled('uncaught'));
        await processed();
        captureSession();
        endSession();
        startSession();
        captureSession();
      });
      expect(sessions.map(({ init, status }) => ({ init, status }))).toEqual([
        { init: true, status: 'crashed' },
        { init: true, status: 'ok' },
      ]);
    });
  });
});
