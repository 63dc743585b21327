import { describe, expect, it, vi } from 'vitest';
import { busyFor, createClockBackend } from './clock-backend.test-helper';
import { createSampleCollector, type SampleCollectorOptions } from './sample-collector';
import type { RawProfile } from './types';

const PACE: SampleCollectorOptions = { collectDelayMs: 20, lingerMs: 0, maxCollectIntervalMs: 60_000 };
const sampleCount = (collections: RawProfile[]) => collections.reduce((n, raw) => n + raw.samples.length, 0);
const collectionsOf = (run: (done: (c: RawProfile[]) => void) => void) => new Promise<RawProfile[]>(run);

describe('createSampleCollector', () => {
  it('starts the backend once for overlapping recordings and answers ends close together with one collection', async () => {
    const clock = createClockBackend();
    const collector = createSampleCollector(clock.backend, PACE);
    const a = collector.open()!;
    const b = collector.open()!;
    busyFor(15);
    const [first, second] = await Promise.all([
      collectionsOf((done) => a.end(done)),
      collectionsOf((done) => b.end(done)),
    ]);
    expect(clock.calls).toEqual({ start: 1, collect: 0, stop: 1 });
    expect(first[0]).toBe(second[0]);
    expect(sampleCount(first)).toBeGreaterThanOrEqual(3);
    expect(clock.running()).toBe(false);
  });

  it('collects for the ended recording while another goes on, which later gets the samples of both collections', async () => {
    const clock = createClockBackend();
    const collector = createSampleCollector(clock.backend, PACE);
    const long = collector.open()!;
    const short = collector.open()!;
    busyFor(10);
    const shortSamples = await collectionsOf((done) => short.end(done));
    expect(clock.calls.collect).toBe(1);
    busyFor(10);
    const longSamples = await collectionsOf((done) => long.end(done));
    expect(longSamples[0]).toBe(shortSamples[0]);
    expect(longSamples).toHaveLength(2);
    expect(clock.calls.stop).toBe(1);
  });

  it('answers synchronously when asked for an immediate collection of a synchronous backend', () => {
    const clock = createClockBackend();
    const collector = createSampleCollector(clock.backend, PACE);
    const recording = collector.open()!;
    busyFor(10);
    let got: RawProfile[] | undefined;
    recording.take((collections) => (got = collections), true);
    expect(sampleCount(got!)).toBeGreaterThan(0);
    // take hands each collection out once
    let next: RawProfile[] | undefined;
    recording.end((collections) => (next = collections), true);
    expect(next!.every((raw) => !got!.includes(raw))).toBe(true);
    expect(clock.running()).toBe(false);
  });

  it('keeps sampling for lingerMs after the last recording, so that a new one does not restart the backend', async () => {
    const clock = createClockBackend();
    const collector = createSampleCollector(clock.backend, { ...PACE, lingerMs: 100 });
    collector.open()!.cancel();
    collector.open()!.cancel();
    expect(clock.calls.start).toBe(1);
    expect(clock.running()).toBe(true);
    await vi.waitFor(() => expect(clock.running()).toBe(false), { timeout: 5000 });
    expect(clock.calls).toEqual({ start: 1, collect: 0, stop: 1 });
  });

  it('serialises collections of an asynchronous backend', async () => {
    const clock = createClockBackend({ async: true });
    const collector = createSampleCollector(clock.backend, { ...PACE, collectDelayMs: 0 });
    const a = collector.open()!;
    const b = collector.open()!;
    busyFor(5);
    const first = collectionsOf((done) => a.end(done, true));
    busyFor(5);
    const second = collectionsOf((done) => b.end(done, true));
    const [fromA, fromB] = await Promise.all([first, second]);
    expect(clock.calls).toEqual({ start: 1, collect: 1, stop: 1 });
    expect(fromB).toHaveLength(2);
    expect(fromB[0]).toBe(fromA[0]);
  });

  it('gives an expired recording nothing newer and no longer samples for it', async () => {
    const clock = createClockBackend();
    const collector = createSampleCollector(clock.backend, { ...PACE, lingerMs: 0 });
    const expiring = collector.open(5)!;
    const other = collector.open()!;
    busyFor(10);
    await collectionsOf((done) => other.take(done));
    busyFor(10);
    const collections = await collectionsOf((done) => expiring.end(done));
    expect(collections).toHaveLength(1);
    other.cancel();
  });

  it('does not open recordings when the backend cannot start, and survives a backend that throws', async () => {
    expect(
      createSampleCollector(createClockBackend({ canStart: false }).backend, PACE).open(),
    ).toBeUndefined();
    const clock = createClockBackend();
    clock.backend.stop = () => {
      throw new Error('backend bug');
    };
    const recording = createSampleCollector(clock.backend, PACE).open()!;
    expect(await collectionsOf((done) => recording.end(done))).toEqual([]);
  });

  it('answers what waits and stops the backend on close', () => {
    const clock = createClockBackend();
    const collector = createSampleCollector(clock.backend, { ...PACE, lingerMs: 1000 });
    const recording = collector.open()!;
    let answered = false;
    recording.take(() => (answered = true));
    collector.close();
    expect(answered).toBe(true);
    expect(clock.running()).toBe(false);
  });
});
