import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Sentry from '@sentry-sdk/node';
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { startSidecar } from './start-sidecar';

describe('the Node SDK sending to the sidecar', () => {
  it('shows an error as an issue and a span tree as a trace, with no special configuration', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sidecar-sdk-'));
    const sidecar = await startSidecar({ port: 0, dataDir, engine: 'sql.js' });
    Sentry.init({
      dsn: sidecar.dsn,
      tracesSampleRate: 1,
      release: 'round-trip@1.0.0',
      defaultIntegrations: false,
    });
    try {
      const traceId = Sentry.startSpan({ name: 'checkout', op: 'function' }, (span) => {
        Sentry.startSpan({ name: 'load cart', op: 'db' }, () => undefined);
        Sentry.captureException(new TypeError('cart is empty'));
        return span.spanContext().traceId;
      });
      await Sentry.flush(5000);

      const [issue] = sidecar.store.listIssues();
      expect(issue).toMatchObject({ title: 'TypeError: cart is empty', count: 1 });
      const event = sidecar.store.getEvent(issue!.last_event_id!)!;
      assertValidEvent(event.item.payload);
      expect(event.item.public_key).toBe('public');

      const trace = sidecar.store.getTrace(traceId)!;
      expect(trace.spans.map((span) => [span.depth, span.op, span.description])).toEqual([
        [0, 'function', 'checkout'],
        [1, 'db', 'load cart'],
      ]);
      expect(trace.errors.map((error) => error.title)).toEqual(['TypeError: cart is empty']);
    } finally {
      await Sentry.close(2000);
      await sidecar.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
