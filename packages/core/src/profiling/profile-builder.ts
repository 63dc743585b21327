import type { ProfileData, ProfileFrame, RawProfile } from './types';

/** Merges collections into one profile, deduplicating frames and stacks across them. */
export interface ProfileBuilder {
  /** Adds the samples of `raw` taken within [from, to] (epoch seconds, inclusive). */
  add(raw: RawProfile, from: number, to: number): void;
  /** The profile so far, samples in time order. */
  build(): ProfileData;
}

/** A builder for one profile (protocol.md §11.1: `stacks` leaf first, frames and stacks deduplicated). */
export function createProfileBuilder(): ProfileBuilder {
  const frames: ProfileFrame[] = [];
  const frameIds = new Map<string, number>();
  const stacks: number[][] = [];
  const stackIds = new Map<string, number>();
  const samples: ProfileData['samples'] = [];

  const frameId = (frame: ProfileFrame): number => {
    const key = frameKey(frame);
    let id = frameIds.get(key);
    if (id === undefined) {
      id = frames.push(frame) - 1;
      frameIds.set(key, id);
    }
    return id;
  };

  return {
    add(raw, from, to) {
      // ids of this collection's stacks in the merged profile, made when a sample first needs one
      const mapped = new Map<number, number>();
      for (const sample of raw.samples) {
        if (!(sample.timestamp >= from && sample.timestamp <= to)) continue;
        let stackId = mapped.get(sample.stackId);
        if (stackId === undefined) {
          const stack = (raw.stacks[sample.stackId] ?? []).map((index) => frameId(raw.frames[index] ?? {}));
          const key = stack.join(',');
          stackId = stackIds.get(key);
          if (stackId === undefined) {
            stackId = stacks.push(stack) - 1;
            stackIds.set(key, stackId);
          }
          mapped.set(sample.stackId, stackId);
        }
        samples.push({ timestamp: sample.timestamp, stackId });
      }
    },
    build() {
      return { frames, stacks, samples: samples.slice().sort((a, b) => a.timestamp - b.timestamp) };
    },
  };
}

function frameKey(frame: ProfileFrame): string {
  return `${frame.function ?? ''}\u0000${frame.abs_path ?? frame.filename ?? ''}\u0000${frame.lineno ?? ''}\u0000${frame.colno ?? ''}`;
}

/** Merges the collections of one recording, keeping the samples within [from, to]. */
export function buildProfile(collections: readonly RawProfile[], from: number, to: number): ProfileData {
  const builder = createProfileBuilder();
  for (const raw of collections) builder.add(raw, from, to);
  return builder.build();
}
