import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCurrentScope, setAsyncContextStrategy, withScope } from '@sentry-sdk/core';
import { wrapSchedulingApis } from './wrap-scheduling-apis';
import { createZoneStrategy } from './zone-strategy';

// Stand-ins for the page's APIs, so that this worker's own globals stay untouched.
class TestPromise<T> extends Promise<T> {}
class TestTarget extends EventTarget {}
class TestPort {
  private handler: unknown = null;
  get onmessage(): unknown {
    return this.handler;
  }
  set onmessage(value: unknown) {
    this.handler = value;
  }
  deliver(data: unknown): unknown {
    return (this.handler as (event: { data: unknown }) => unknown)({ data });
  }
}
class TestXhr {
  onload: unknown = null;
  onerror: unknown = null;
  send(): void {
    setTimeout(() => (this.onload as () => void)(), 0);
  }
}
const root = {
  setTimeout: (callback: () => void, ms?: number) => setTimeout(callback, ms),
  queueMicrotask: (callback: () => void) => queueMicrotask(callback),
};

const strategy = createZoneStrategy((callback) => queueMicrotask(callback));
beforeAll(() => {
  setAsyncContextStrategy(strategy);
  wrapSchedulingApis(strategy, {
    root,
    promiseProto: TestPromise.prototype,
    eventTargetProto: TestTarget.prototype,
    messagePortProto: TestPort.prototype,
    xhrProto: TestXhr.prototype,
  });
});
afterAll(() => setAsyncContextStrategy(undefined));

const tag = (): unknown => getCurrentScope().getScopeData().tags['where'];

/** Schedules `schedule(record)` inside a scope tagged `inside`, and the same outside as a sibling. */
async function scopesSeen(
  schedule: (record: () => void) => void,
  settle: () => Promise<void>,
): Promise<unknown[]> {
  const seen: unknown[] = [];
  withScope((scope) => {
    scope.setTag('where', 'inside');
    schedule(() => seen.push(tag()));
  });
  schedule(() => seen.push(tag()));
  await settle();
  return seen;
}

const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('wrapSchedulingApis', () => {
  it('runs timer and microtask callbacks with the scopes of where they were scheduled', async () => {
    expect(await scopesSeen((record) => root.setTimeout(record, 1), later)).toEqual(['inside', undefined]);
    expect(await scopesSeen((record) => root.queueMicrotask(record), later)).toEqual(['inside', undefined]);
  });

  it('runs then, catch and finally callbacks with the scopes of where they were attached', async () => {
    const resolved = TestPromise.resolve(1);
    const rejected = TestPromise.reject(new Error('no'));
    rejected.catch(() => undefined);
    expect(await scopesSeen((record) => void resolved.then(record), later)).toEqual(['inside', undefined]);
    expect(await scopesSeen((record) => void rejected.catch(record), later)).toEqual(['inside', undefined]);
    expect(await scopesSeen((record) => void resolved.finally(record), later)).toEqual(['inside', undefined]);
  });

  it('keeps what then callbacks return and throw', async () => {
    const value = await TestPromise.resolve(20).then((n) => n + 1);
    expect(value).toBe(21);
    await expect(
      TestPromise.resolve(0).then(() => {
        throw new Error('thrown in then');
      }),
    ).rejects.toThrow('thrown in then');
  });

  it('runs event listeners with the scopes of where they were added; removeEventListener still removes them', () => {
    const target = new TestTarget();
    const seen: unknown[] = [];
    const listener = (): void => void seen.push(tag());
    withScope((scope) => {
      scope.setTag('where', 'added');
      target.addEventListener('ping', listener);
      target.addEventListener('ping', listener);
    });
    target.dispatchEvent(new Event('ping'));
    expect(seen).toEqual(['added']);
    target.removeEventListener('ping', listener);
    target.dispatchEvent(new Event('ping'));
    expect(seen).toEqual(['added']);
  });

  it('binds listener objects, keeping the object as this, and once-listeners anew after they ran', () => {
    const target = new TestTarget();
    const seen: unknown[] = [];
    const handler = {
      name: 'object',
      handleEvent(this: { name: string }) {
        seen.push([this.name, tag()]);
      },
    };
    withScope((scope) => {
      scope.setTag('where', 'first');
      target.addEventListener('ping', handler, { once: true });
    });
    target.dispatchEvent(new Event('ping'));
    target.dispatchEvent(new Event('ping'));
    withScope((scope) => {
      scope.setTag('where', 'second');
      target.addEventListener('ping', handler, { once: true });
    });
    target.dispatchEvent(new Event('ping'));
    expect(seen).toEqual([
      ['object', 'first'],
      ['object', 'second'],
    ]);
  });

  it('tells capture and bubble registrations apart, as the DOM does', () => {
    const target = new TestTarget();
    let calls = 0;
    const listener = (): void => void calls++;
    target.addEventListener('ping', listener, true);
    target.addEventListener('ping', listener, { capture: false });
    target.removeEventListener('ping', listener, { capture: true });
    target.dispatchEvent(new Event('ping'));
    expect(calls).toBe(1);
  });

  it('binds onmessage handlers, and reading onmessage gives back the page its own function', () => {
    const port = new TestPort();
    const handler = (event: { data: unknown }): unknown => [event.data, tag()];
    withScope((scope) => {
      scope.setTag('where', 'port');
      port.onmessage = handler;
    });
    expect(port.onmessage).toBe(handler);
    expect(port.deliver('hello')).toEqual(['hello', 'port']);
  });

  it('binds XHR callbacks set before send to the scopes of the send', async () => {
    const seen: unknown[] = [];
    const xhr = new TestXhr();
    xhr.onload = () => seen.push(tag());
    withScope((scope) => {
      scope.setTag('where', 'sent');
      xhr.send();
    });
    await later();
    expect(seen).toEqual(['sent']);
  });

  it('leaves hostile listener options to the platform, which throws as it would without the SDK', () => {
    const target = new TestTarget();
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('hostile');
        },
      },
    );
    expect(() => target.addEventListener('ping', () => undefined, hostile)).toThrow('hostile');
  });
});
