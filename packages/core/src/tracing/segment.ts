import { generateTraceId } from '../lib';
import { truncateSampleRand, type Scope } from '../scope';
import type { Client } from '../types';
import type { DynamicSamplingContext, Span } from './types';

/**
 * What the spans of one local tree (a root span and its descendants in this process) share: one
 * object per root, so a span that is not sampled costs its ids and a pointer to this, nothing more.
 */
export interface Segment {
  /** The root span; set right after it is constructed. */
  root?: Span | undefined;
  traceId: string;
  /** The decision: `undefined` while deferred (tracing without performance). */
  sampled?: boolean | undefined;
  /** The rate that was applied, when a decision was made. */
  sampleRate?: number | undefined;
  sampleRand: number;
  client?: Client | undefined;
  /** The scopes the root started in; the transaction is sent with them. */
  scope?: Scope | undefined;
  isolationScope?: Scope | undefined;
  /** The DSC once frozen: the incoming one of a continued trace, or ours once it left the SDK. */
  frozenDsc?: DynamicSamplingContext | undefined;
  /** The root's name and source, kept here for roots that record nothing else. */
  name: string;
  source?: string | undefined;
  /** Child spans that ended before the root did (recording trees only). */
  finished: Span[];
  ended: boolean;
  /** Called once when the root ends; sends the transaction. */
  onRootEnd?: ((root: Span) => void) | undefined;
}

const segments = new WeakSet<object>();

/** A segment with defaults: a fresh trace, sampled as given, no client. */
export function createSegment(init: Partial<Segment> = {}): Segment {
  const segment: Segment = {
    name: '',
    finished: [],
    ended: false,
    ...init,
    traceId: init.traceId ?? generateTraceId(),
    sampleRand: init.sampleRand ?? truncateSampleRand(Math.random()),
  };
  segments.add(segment);
  return segment;
}

/** `value` when the SDK made it as a segment, else a fresh one: span constructors are public, and may be handed anything. */
export function toSegment(value: unknown, sampled: boolean): Segment {
  return typeof value === 'object' && value !== null && segments.has(value)
    ? (value as Segment)
    : createSegment({ sampled });
}
