import { describe, expect, it } from 'vitest';
import { instrumentAnthropicAiClient } from './anthropic';
import { instrumentOpenAiClient } from './openai';
import { createVercelAiTelemetry } from './vercel';

const hostile = new Proxy(
  {},
  {
    get: () => {
      throw new Error('trap');
    },
  },
);

describe('the client wrappers with values that are not clients', () => {
  it('hand back what they were given and never throw', () => {
    for (const value of [null, undefined, 42, 'openai', {}, hostile]) {
      expect(instrumentOpenAiClient(value)).toBe(value);
      expect(instrumentAnthropicAiClient(value, hostile as never)).toBe(value);
    }
  });

  it('leave a frozen client working', () => {
    const create = (): string => 'created';
    const client = Object.freeze({ messages: Object.freeze({ create }) });
    expect(instrumentAnthropicAiClient(client).messages.create()).toBe('created');
  });

  it('createVercelAiTelemetry reads hostile options as none', () => {
    expect(createVercelAiTelemetry(hostile as never)).toEqual({
      isEnabled: true,
      tracer: expect.any(Object),
    });
  });
});
