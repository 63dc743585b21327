import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe-event';
import { getGroupingComponents, getGroupKey } from './get-group-key';

const frame = (fn: string, filename: string, inApp: boolean) => ({ function: fn, filename, in_app: inApp });
const error = (type: string, value: string, frames: object[]) => ({
  exception: { values: [{ type, value, stacktrace: { frames } }] },
});

describe('getGroupKey', () => {
  it('groups errors by exception type and top in-app frame, whatever the message says', () => {
    const first = error('TypeError', 'cart 1 is empty', [
      frame('main', '/app/main.js', true),
      frame('checkout', '/app/cart.js', true),
      frame('emit', '/app/node_modules/events.js', false),
    ]);
    const second = error('TypeError', 'cart 2 is empty', [
      frame('main', '/app/main.js', true),
      frame('checkout', '/app/cart.js', true),
    ]);
    expect(getGroupKey(first)).toBe(getGroupKey(second));
    expect(getGroupingComponents(first)).toEqual([
      'type:TypeError',
      'function:checkout',
      'file:/app/cart.js',
    ]);
  });

  it('splits errors of another type or another top in-app frame', () => {
    const base = error('TypeError', 'boom', [frame('checkout', '/app/cart.js', true)]);
    expect(getGroupKey(base)).not.toBe(
      getGroupKey(error('RangeError', 'boom', [frame('checkout', '/app/cart.js', true)])),
    );
    expect(getGroupKey(base)).not.toBe(
      getGroupKey(error('TypeError', 'boom', [frame('pay', '/app/cart.js', true)])),
    );
    expect(getGroupKey(base)).not.toBe(
      getGroupKey(error('TypeError', 'boom', [frame('checkout', '/app/pay.js', true)])),
    );
  });

  it('groups the thrown exception (the last one), not its cause', () => {
    const chained = {
      exception: {
        values: [
          { type: 'SyntaxError', value: 'cause' },
          { type: 'Error', value: 'wrapper', stacktrace: { frames: [frame('load', '/app/a.js', true)] } },
        ],
      },
    };
    expect(getGroupingComponents(chained)).toEqual(['type:Error', 'function:load', 'file:/app/a.js']);
  });

  it('ignores the origin and query of browser script URLs, which change between runs', () => {
    const onPort = (port: number) =>
      error('Error', 'x', [frame('onClick', `http://127.0.0.1:${port}/static/app.js?v=${port}`, true)]);
    expect(getGroupKey(onPort(3000))).toBe(getGroupKey(onPort(4000)));
  });

  it('uses the top frame when none is in-app, and the message when there are no frames', () => {
    expect(
      getGroupingComponents(
        error('Error', 'x', [frame('a', '/lib/a.js', false), frame('b', '/lib/b.js', false)]),
      ),
    ).toEqual(['type:Error', 'function:b', 'file:/lib/b.js']);
    expect(getGroupingComponents(error('Error', 'disk full', []))).toEqual(['type:Error', 'value:disk full']);
  });

  it('groups message events by their template, so parameters do not split them', () => {
    const a = { logentry: { message: 'order %s failed', params: ['1'], formatted: 'order 1 failed' } };
    const b = { logentry: { message: 'order %s failed', params: ['2'], formatted: 'order 2 failed' } };
    expect(getGroupKey(a)).toBe(getGroupKey(b));
    expect(getGroupKey({ message: 'plain' })).not.toBe(getGroupKey({ message: 'other' }));
  });

  it('groups by fingerprint when one is set, regardless of the stack', () => {
    const a = {
      ...error('TypeError', 'a', [frame('f', '/app/a.js', true)]),
      fingerprint: ['payment-provider-down'],
    };
    const b = {
      ...error('RangeError', 'b', [frame('g', '/app/b.js', true)]),
      fingerprint: ['payment-provider-down'],
    };
    expect(getGroupKey(a)).toBe(getGroupKey(b));
  });

  it('treats {{ default }} as the default grouping, alone or combined with more values', () => {
    const base = error('TypeError', 'a', [frame('f', '/app/a.js', true)]);
    expect(getGroupKey({ ...base, fingerprint: ['{{ default }}'] })).toBe(getGroupKey(base));
    expect(getGroupingComponents({ ...base, fingerprint: ['{{ default }}', 'tenant-7'] })).toEqual([
      'type:TypeError',
      'function:f',
      'file:/app/a.js',
      'fingerprint:tenant-7',
    ]);
  });

  it('never throws on payloads of the wrong shape', () => {
    const payloads: Record<string, unknown>[] = [
      {},
      { exception: 'x' },
      { exception: { values: [null, 5] } },
      { fingerprint: 'x' },
      { message: { message: 'nested' } },
    ];
    for (const payload of payloads) {
      expect(getGroupKey(payload)).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});

describe('describeEvent', () => {
  it('titles an error by type and value, and names the in-app frame it came from', () => {
    expect(
      describeEvent(
        error('TypeError', 'x is undefined\nmore lines', [
          frame('checkout', 'http://localhost:3000/app.js', true),
        ]),
      ),
    ).toEqual({
      title: 'TypeError: x is undefined',
      culprit: 'checkout (/app.js)',
    });
  });

  it('titles a message event by its formatted message', () => {
    expect(describeEvent({ logentry: { message: 'order %s', formatted: 'order 7' } }).title).toBe('order 7');
    expect(describeEvent({ logentry: { message: 'order %s' } }).title).toBe('order %s');
    expect(describeEvent({ message: 'hello' })).toEqual({ title: 'hello', culprit: undefined });
  });
});
