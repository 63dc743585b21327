import { format } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatConsoleArgs, hasPlaceholders } from './format-console-args';

describe('formatConsoleArgs', () => {
  // For primitives Node's util.format is the reference: the body must read as the console printed it.
  const primitiveCases: unknown[][] = [
    [],
    ['plain'],
    ['%%'],
    ['%% %s', 'a'],
    ['Order %s shipped to %s', 981, 'Berlin'],
    ['a %s %d', 'x'],
    ['%c styled %s', 'color: red', 't'],
    ['%d|%i|%f', '42abc', 4.7, '1.5x'],
    ['%d %i', 5n, 7n],
    ['%s', 5n],
    ['%s', -0],
    ['%s %s', null, undefined],
    ['%x %s', 1],
    ['%s:%s', 'a'],
    ['a', '%s', 'b'],
    [1, 'a', true],
    ['%s', Symbol('q')],
    ['%j', 'text'],
    ['%s %% %s', 'a'],
    ['count', 3, 'of', 4.5],
  ];
  it.each(primitiveCases)('formats %j as util.format does', (...args) => {
    expect(formatConsoleArgs(args)).toBe(format(...args));
  });

  it('shows objects as JSON, errors with their stack, and %j as JSON.stringify', () => {
    expect(formatConsoleArgs(['user %o', { id: 7 }])).toBe('user {"id":7}');
    expect(formatConsoleArgs([{ a: [1, 2] }, 'tail'])).toBe('{"a":[1,2]} tail');
    expect(formatConsoleArgs(['%j', { a: 1 }])).toBe('{"a":1}');
    const error = new TypeError('boom');
    expect(formatConsoleArgs(['failed:', error])).toBe(`failed: ${error.stack}`);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(formatConsoleArgs(['%j', cyclic])).toBe('[Circular]');
  });

  it('calls a user-defined toString for %s', () => {
    const money = { toString: () => '4.20 EUR' };
    expect(formatConsoleArgs(['paid %s', money])).toBe('paid 4.20 EUR');
  });

  it('never throws on hostile values', () => {
    const throwing = {
      toString() {
        throw new Error('no');
      },
      valueOf() {
        throw new Error('no');
      },
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => formatConsoleArgs(['%s %d %i %f %j %o', throwing, throwing, throwing, throwing, revoked.proxy, revoked.proxy])).not.toThrow();
    expect(formatConsoleArgs(['%d', throwing])).toBe('NaN');
    expect(formatConsoleArgs(['%s', throwing])).toBe('[value cannot be serialized]');
  });

  it('recognises format strings by their placeholders', () => {
    expect(hasPlaceholders('a %s')).toBe(true);
    expect(hasPlaceholders('100%% sure')).toBe(false);
    expect(hasPlaceholders('no placeholders')).toBe(false);
    expect(hasPlaceholders(42)).toBe(false);
  });
});
