import { beforeEach, describe, expect, it } from 'vitest';
import { getCurrentScope, withIsolationScope } from '../scope';
import { getActiveSpan, getCurrentSpan, startNewTrace, suppressTracing, withActiveSpan } from './active-span';
import { freezeDynamicSamplingContext, getDynamicSamplingContextFromScope } from './dynamic-sampling-context';
import { NonRecordingSpan } from './non-recording-span';
import { _setSpanForScope, isTracingSuppressed } from './span-for-scope';
import { getRootSpan } from './span-segment';
import { startInactiveSpan, startSpan } from './start-span';
import { createTestClient, setUpTestClient, type TestClient } from './test-client.test-helper';

let client: TestClient;
beforeEach(() => {
  client = setUpTestClient({ tracesSampleRate: 1 });
});

describe('active span per scope', () => {
  it('getCurrentSpan reads the current scope, or the scope given', () => {
    startSpan({ name: 'root' }, (root) => {
      const scope = getCurrentScope();
      expect(getCurrentSpan()).toBe(root);
      withActiveSpan(null, () => {
        expect(getCurrentSpan()).toBeUndefined();
        expect(getCurrentSpan(scope)).toBe(root);
      });
    });
  });

  it('is inherited by forks (withIsolationScope too) and never stored on the Scope object', () => {
    startSpan({ name: 'root' }, (root) => {
      expect(Object.values(getCurrentScope())).not.toContain(root);
      withIsolationScope(() => expect(getActiveSpan()).toBe(root));
      const fork = getCurrentScope().clone();
      expect(getCurrentSpan(fork)).toBe(root);
      _setSpanForScope(fork, undefined);
      expect(getActiveSpan()).toBe(root);
    });
  });

  it('getRootSpan finds the root from any descendant', () => {
    startSpan({ name: 'root' }, (root) => {
      startSpan({ name: 'a' }, () => {
        startSpan({ name: 'b' }, (b) => expect(getRootSpan(b)).toBe(root));
      });
    });
  });
});

describe('startNewTrace', () => {
  it('gives the callback a new trace id and sample_rand, without the active span', () => {
    startSpan({ name: 'outer' }, (outer) => {
      startNewTrace(() => {
        expect(getActiveSpan()).toBeUndefined();
        const context = getCurrentScope().getPropagationContext();
        expect(context.traceId).not.toBe(outer.spanContext().traceId);
        expect(context.propagationSpanId).toMatch(/^[0-9a-f]{16}$/);
        startSpan({ name: 'new root' }, (span) => expect(span.spanContext().traceId).toBe(context.traceId));
      });
    });
    const [newRoot, outer] = client.transactions();
    expect(newRoot!.contexts!['trace']!['trace_id']).not.toBe(outer!.contexts!['trace']!['trace_id']);
  });
});

describe('suppressTracing', () => {
  it('records no spans inside, also in nested forks, and is off again outside', () => {
    suppressTracing(() => {
      expect(isTracingSuppressed(getCurrentScope())).toBe(true);
      startSpan({ name: 'sdk request' }, () => {
        expect(startInactiveSpan({ name: 'nested' })).toBeInstanceOf(NonRecordingSpan);
      });
    });
    expect(isTracingSuppressed(getCurrentScope())).toBe(false);
    expect(client.events).toHaveLength(0);
  });
});

describe('DSC of a scope without a span', () => {
  it('is built from the client and the propagation context, and frozen once it has left', () => {
    const scope = getCurrentScope();
    const { traceId, sampleRand } = scope.getPropagationContext();
    expect(getDynamicSamplingContextFromScope(client, scope)).toEqual({
      trace_id: traceId,
      public_key: 'ab12cd34ef56ab12cd34ef56ab12cd34',
      environment: 'test',
      release: 'shop@1.0.0',
      org_id: '4711',
      sample_rand: sampleRand.toFixed(6),
    });
    const frozen = freezeDynamicSamplingContext(client, scope);
    const upgraded = createTestClient({ tracesSampleRate: 1, release: 'shop@2.0.0' });
    expect(getDynamicSamplingContextFromScope(upgraded, scope)).toEqual(frozen);
    expect(freezeDynamicSamplingContext(upgraded, scope)).toEqual(frozen);
    expect(frozen['release']).toBe('shop@1.0.0');
  });
});
