import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { StackParser } from '../types';
import { eventFromMessage, toEventLevel } from './event-from-message';

const parser: StackParser = (stack) =>
  stack
    .split('\n')
    .slice(1)
    .map((line) => ({ function: line.trim(), filename: 'app.js', lineno: 1 }))
    .reverse();

describe('eventFromMessage', () => {
  it('puts the message under logentry with level info by default', () => {
    const event = eventFromMessage(parser, 'hello');
    assertValidEvent(event);
    expect(event).toEqual({ level: 'info', logentry: { message: 'hello' } });
  });

  it('sends the level "log" as "info", which Relay accepts', () => {
    const event = eventFromMessage(parser, 'hello', 'log');
    assertValidEvent(event);
    expect(event.level).toBe('info');
  });

  it('attaches the synthetic stack as the current thread when attachStacktrace is on', () => {
    const syntheticException = new Error('synthetic');
    const event = eventFromMessage(parser, 'with stack', 'warning', { syntheticException }, true);
    assertValidEvent(event);
    const thread = event.threads?.values?.[0];
    expect(thread).toMatchObject({ id: 0, current: true, crashed: false });
    expect((thread?.['stacktrace'] as { frames: unknown[] }).frames.length).toBeGreaterThan(0);
    expect(event.exception).toBeUndefined();
  });

  it('adds no thread without attachStacktrace or without a synthetic exception', () => {
    expect(
      eventFromMessage(parser, 'm', 'info', { syntheticException: new Error('s') }).threads,
    ).toBeUndefined();
    expect(eventFromMessage(parser, 'm', 'info', {}, true).threads).toBeUndefined();
  });

  it('stringifies a message that is not a string instead of throwing', () => {
    const event = eventFromMessage(parser, 42 as unknown as string);
    assertValidEvent(event);
    expect(event.logentry?.message).toBe('42');
  });
});

describe('toEventLevel', () => {
  it.each([
    ['log', 'info'],
    ['warn', 'warning'],
    ['fatal', 'fatal'],
    ['debug', 'debug'],
    ['verbose', undefined],
    [3, undefined],
  ])('maps %j to %j', (input, expected) => {
    expect(toEventLevel(input)).toBe(expected);
  });
});
