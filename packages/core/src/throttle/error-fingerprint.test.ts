import { describe, expect, it } from 'vitest';
import type { Event } from '../types';
import { getErrorFingerprint } from './error-fingerprint';

const frames = [
  { filename: '/app/main.js', function: 'main', lineno: 1, in_app: true },
  { filename: '/app/render.js', function: 'render', lineno: 42, colno: 7, in_app: true },
  { filename: '/app/node_modules/lib/index.js', function: 'lib', lineno: 3, in_app: false },
];

describe('the error fingerprint', () => {
  it('is the exception type and its innermost in-app frame', () => {
    const event: Event = {
      exception: { values: [{ type: 'TypeError', value: 'x is undefined', stacktrace: { frames } }] },
    };
    expect(getErrorFingerprint(event)).toBe('TypeError|/app/render.js:render:42:7');
    const other: Event = {
      exception: { values: [{ type: 'TypeError', value: 'another message', stacktrace: { frames } }] },
    };
    expect(getErrorFingerprint(other)).toBe(getErrorFingerprint(event));
  });

  it('falls back to the message without frames, and never throws', () => {
    expect(getErrorFingerprint({ exception: { values: [{ type: 'Error', value: 'boom' }] } })).toBe(
      'Error|boom',
    );
    expect(getErrorFingerprint({ message: 'hello' })).toBe('message|hello');
    const hostile = Object.defineProperty({}, 'exception', {
      get() {
        throw new Error('getter');
      },
    }) as Event;
    expect(getErrorFingerprint(hostile)).toBe('unreadable');
  });
});
