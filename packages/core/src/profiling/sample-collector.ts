import { callGuarded, DEBUG_BUILD, debug, isThenable, timestampInSeconds } from '../lib';
import { timers, unrefTimer, type TimerHandle } from '../transport';
import type { ProfilerBackend, RawProfile } from './types';

/** How a collector paces its backend. */
export interface SampleCollectorOptions {
  /**
   * How long after a recording asks for its samples the backend is collected: asks within this
   * period share one collection, so that a busy server pays for a few collections a second at most.
   */
  collectDelayMs: number;
  /** How long the backend samples on after the last recording ended; restarting costs more than idling. */
  lingerMs: number;
  /** Collects at least this often while sampling, so the backend never buffers more than this. */
  maxCollectIntervalMs: number;
}

/** Receives a recording's collections. */
export type CollectionsCallback = (collections: RawProfile[]) => void;

/**
 * One consumer's view of the samples: a transaction profile, or a continuous profiler's chunks.
 * `immediate` collects now instead of within `collectDelayMs`; with a synchronous backend the
 * callback then runs before the call returns (so a flush or close sends the samples it asked for).
 */
export interface Recording {
  /** The collections since the previous `take` (or the start); recording goes on. */
  take(done: CollectionsCallback, immediate?: boolean): void;
  /** Ends the recording; `done` gets its collections once one made after this call has run. */
  end(done: CollectionsCallback, immediate?: boolean): void;
  /** Ends the recording without collecting. */
  cancel(): void;
}

/** Shares one backend among recordings: it samples while any is open, and collects for all at once. */
export interface SampleCollector {
  /** Opens a recording (starting the backend); `undefined` when the backend cannot sample. */
  open(maxDurationMs?: number): Recording | undefined;
  /** Ends every recording, answering what waits, and stops the backend. */
  close(): void;
}

interface RecordingState {
  collections: RawProfile[];
  /** Epoch seconds after which it takes no more samples (and no longer keeps the backend running). */
  expires: number;
}

interface Waiter {
  recording: RecordingState;
  keepOpen: boolean;
  done: CollectionsCallback;
}

type BackendResult = ReturnType<ProfilerBackend['collect']>;

/** Creates the collector of one backend (protocol.md §11.3 for what backends sample). */
export function createSampleCollector(
  backend: ProfilerBackend,
  options: SampleCollectorOptions,
): SampleCollector {
  const open = new Set<RecordingState>();
  let waiters: Waiter[] = [];
  let running = false;
  let busy: Promise<void> | undefined;
  let collectTimer: TimerHandle | undefined;
  let periodicTimer: TimerHandle | undefined;
  let lingerTimer: TimerHandle | undefined;

  const call = (what: 'collect' | 'stop'): BackendResult =>
    callGuarded<BackendResult>(`The profiler backend's ${what}`, () => backend[what](), undefined);

  const stopTimers = (): void => {
    if (collectTimer !== undefined) timers.clearTimeout(collectTimer);
    if (lingerTimer !== undefined) timers.clearTimeout(lingerTimer);
    if (periodicTimer !== undefined) timers.clearInterval(periodicTimer);
    collectTimer = periodicTimer = lingerTimer = undefined;
  };

  // One timer per idle spell, not per recording: a busy server opens and ends recordings all the
  // time, and re-arming a timer each time would cost more than the recordings themselves.
  let idleSince = 0;
  const startLinger = (): void => {
    idleSince = timestampInSeconds();
    if (lingerTimer !== undefined || !running) return;
    const check = (): void => {
      lingerTimer = undefined;
      if (open.size > 0 || waiters.length > 0 || !running) return;
      const idleMs = (timestampInSeconds() - idleSince) * 1000;
      if (idleMs >= options.lingerMs) collectNow(true);
      else lingerTimer = unrefTimer(timers.setTimeout(check, options.lingerMs - idleMs));
    };
    lingerTimer = unrefTimer(timers.setTimeout(check, options.lingerMs));
  };

  /** One collection for everything that waits; synchronous when the backend is. */
  const collect = (final: boolean): void | Promise<void> => {
    const answered = waiters;
    waiters = [];
    for (const waiter of answered) if (!waiter.keepOpen) open.delete(waiter.recording);
    const receivers = new Set([...open, ...answered.map((waiter) => waiter.recording)]);
    const stopping = final || (open.size === 0 && options.lingerMs <= 0);
    const wasRunning = running;
    if (stopping) {
      running = false;
      stopTimers();
    }
    const finish = (raw: RawProfile | undefined): void => {
      if (raw && raw.samples.length > 0) for (const recording of receivers) recording.collections.push(raw);
      const now = timestampInSeconds();
      for (const recording of [...open]) if (recording.expires < now) open.delete(recording);
      for (const waiter of answered) {
        const { collections } = waiter.recording;
        if (waiter.keepOpen) waiter.recording.collections = [];
        callGuarded('A profile recording', () => waiter.done(collections), undefined);
      }
      if (open.size === 0) startLinger();
    };
    const result = wasRunning ? call(stopping ? 'stop' : 'collect') : undefined;
    if (!isThenable(result)) return finish(result);
    return Promise.resolve(result).then(finish, (error: unknown) => {
      DEBUG_BUILD && debug.error('Collecting profile samples failed:', error);
      finish(undefined);
    });
  };

  const track = (pending: Promise<void>): void => {
    const settled: Promise<void> = pending.then(() => {
      if (busy === settled) busy = undefined;
    });
    busy = settled;
  };

  const collectNow = (final = false): void => {
    // while an asynchronous collection is under way, the next one starts when it is done
    if (busy) return track(busy.then(() => collect(final)));
    const pending = collect(final);
    if (pending) track(pending);
  };

  const ask = (
    recording: RecordingState,
    keepOpen: boolean,
    done: CollectionsCallback,
    immediate: boolean,
  ): void => {
    waiters.push({ recording, keepOpen, done });
    if (immediate) {
      if (collectTimer !== undefined) timers.clearTimeout(collectTimer);
      collectTimer = undefined;
      collectNow();
    } else if (collectTimer === undefined) {
      // not unref'd: a flush at exit waits on the samples this collection hands out
      collectTimer = timers.setTimeout(() => {
        collectTimer = undefined;
        collectNow();
      }, options.collectDelayMs);
    }
  };

  const startBackend = (): boolean => {
    if (running) return true;
    running = callGuarded('The profiler backend start', () => backend.start(), false) === true;
    if (running)
      periodicTimer = unrefTimer(timers.setInterval(() => collectNow(), options.maxCollectIntervalMs));
    return running;
  };

  return {
    open(maxDurationMs = Infinity) {
      if (!startBackend()) return undefined;
      const recording: RecordingState = {
        collections: [],
        expires: timestampInSeconds() + maxDurationMs / 1000,
      };
      open.add(recording);
      let ended = false;
      return {
        take(done, immediate = false) {
          if (ended) done([]);
          else ask(recording, true, done, immediate);
        },
        end(done, immediate = false) {
          if (ended) return done([]);
          ended = true;
          // an expired recording already has all it will get
          if (open.has(recording)) ask(recording, false, done, immediate);
          else done(recording.collections);
        },
        cancel() {
          if (ended) return;
          ended = true;
          open.delete(recording);
          if (open.size === 0) startLinger();
        },
      };
    },
    close() {
      for (const recording of open) waiters.push({ recording, keepOpen: false, done: () => undefined });
      open.clear();
      collectNow(true);
      callGuarded('The profiler backend close', () => backend.close?.(), undefined);
    },
  };
}
