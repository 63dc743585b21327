import { describe, expect, it } from 'vitest';
import type { Event } from '@sentry-sdk/core';
import { assertValidEvent, withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { captureFeedback } from './capture-feedback';

describe('captureFeedback', () => {
  it('sends a feedback item with contexts.feedback, untouched by beforeSend and sampleRate', async () => {
    let beforeSendCalls = 0;
    let id = '';
    const { envelopes, payloads, events } = await withCapturedEnvelopes(
      () => {
        id = captureFeedback(
          {
            message: 'The save button does nothing',
            name: 'Ana',
            email: 'ana@example.org',
            url: 'https://shop.example/cart',
            associatedEventId: 'c'.repeat(32),
          },
          { attachments: [{ filename: 'note.txt', data: 'details' }] },
        );
      },
      {
        sampleRate: 0,
        beforeSend: () => {
          beforeSendCalls++;
          return null;
        },
      },
    );
    expect(events).toEqual([]);
    expect(beforeSendCalls).toBe(0);
    const [feedback] = payloads<Event>('feedback');
    assertValidEvent(feedback);
    expect(feedback).toMatchObject({
      event_id: id,
      type: 'feedback',
      level: 'info',
      contexts: {
        feedback: {
          message: 'The save button does nothing',
          contact_email: 'ana@example.org',
          name: 'Ana',
          url: 'https://shop.example/cart',
          associated_event_id: 'c'.repeat(32),
          source: 'api',
        },
      },
    });
    expect(envelopes[0]?.[0].event_id).toBe(id);
    expect(envelopes[0]?.[1].map(([headers]) => headers.type)).toEqual(['feedback', 'attachment']);
  });

  it('sends nothing without a message, and caps a long one at 4096 characters', async () => {
    const { payloads } = await withCapturedEnvelopes(() => {
      expect(captureFeedback({ message: '' })).toBe('');
      expect(captureFeedback(null as never)).toBe('');
      captureFeedback({ message: 'x'.repeat(5000) });
    });
    const sent = payloads<Event>('feedback');
    expect(sent).toHaveLength(1);
    assertValidEvent(sent[0]);
    expect((sent[0]?.contexts?.['feedback'] as { message: string }).message).toHaveLength(4096);
  });
});
