import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { NonRecordingSpan } from './non-recording-span';
import { SentrySpan } from './sentry-span';
import type { Span } from './types';
import { startInactiveSpan, startSpan } from './start-span';
import { setUpTestClient } from './test-client.test-helper';

// WeakRef is ES2021; core's tsconfig stops at ES2020, Node 20 has it
interface WeakRef<T extends object> {
  deref(): T | undefined;
}
const WeakRef = (globalThis as unknown as { WeakRef: new <T extends object>(target: T) => WeakRef<T> })
  .WeakRef;

let gc: () => void;
beforeAll(() => {
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
});

/** Collects garbage after the current job, when WeakRefs made in it may be cleared. */
async function collect(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
}

const COUNT = 10_000;

/** Starts COUNT children of `root`, each with a unique ~1 KB attribute, ends them and keeps only WeakRefs. */
function startChildren(root: Span): WeakRef<Span>[] {
  const refs: WeakRef<Span>[] = [];
  for (let i = 0; i < COUNT; i++) {
    const payload = `${i}:${'x'.repeat(1000)}`;
    const span = startInactiveSpan({ name: `child ${i}`, parentSpan: root, attributes: { payload } });
    span.setAttribute('again', payload).setAttributes({ more: payload });
    span.end();
    refs.push(new WeakRef(span));
  }
  return refs;
}

/** A span holds its tree (shared by all), its id and its parent's id: no place for attributes. */
function expectNoAttributeStorage(span: Span | undefined, root: Span): void {
  expect(span).toBeInstanceOf(NonRecordingSpan);
  const sample = span as NonRecordingSpan;
  expect(Object.keys(sample).sort()).toEqual(['_parentSpanId', '_segment', '_spanId']);
  expect(sample._getSegment()).toBe((root as NonRecordingSpan)._getSegment());
  expect(sample._getSegment().finished).toHaveLength(0);
}

const alive = (refs: WeakRef<Span>[]): number => refs.filter((ref) => ref.deref() !== undefined).length;

describe('unsampled spans retain nothing (heap count)', () => {
  it('10 000 unsampled children with attributes: no attribute storage, nothing retained by the live root', async () => {
    setUpTestClient({ tracesSampleRate: 0 });
    const root = startInactiveSpan({ name: 'unsampled root' });
    expect(root).toBeInstanceOf(NonRecordingSpan);
    await collect();
    const heapBefore = getHeapStatistics().used_heap_size;

    const refs = startChildren(root);
    expectNoAttributeStorage(refs[0]!.deref(), root);

    await collect();
    expect(alive(refs)).toBe(0);
    // ~10 MB of attribute strings went through; the root is still alive and holds none of them
    expect(getHeapStatistics().used_heap_size - heapBefore).toBeLessThan(2_000_000);
    root.end();
  });

  it('the same measurement sees sampled children retained by their live root (the check can fail)', async () => {
    setUpTestClient({ tracesSampleRate: 1 });
    const root = startInactiveSpan({ name: 'sampled root' });
    expect(root).toBeInstanceOf(SentrySpan);
    const refs = startChildren(root);
    await collect();
    expect(alive(refs)).toBe(COUNT);
    root.end();
  });

  it('startSpan with an unsampled decision runs nested callbacks without recording', () => {
    setUpTestClient({ tracesSampleRate: 0 });
    const spans = startSpan({ name: 'a' }, (a) =>
      startSpan({ name: 'b', attributes: { x: 1 } }, (b) => [a, b]),
    );
    for (const span of spans) expect(span).toBeInstanceOf(NonRecordingSpan);
  });
});
