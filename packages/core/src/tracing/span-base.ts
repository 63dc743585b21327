import { generateSpanId } from '../lib';
import { registerOwnSpan } from './own-spans';
import { toSegment, type Segment } from './segment';
import type { SpanContextData } from './types';

/** What both span classes hold: the tree they join, their ids, and their registration as our own. */
export abstract class SpanBase {
  protected readonly _segment: Segment;
  protected readonly _spanId: string;
  protected readonly _parentSpanId: string | undefined;

  /** The arguments come from public constructors, so anything of the wrong type is replaced. */
  protected constructor(recording: boolean, segment: unknown, spanId: unknown, parentSpanId: unknown) {
    registerOwnSpan(this, recording);
    this._segment = toSegment(segment, recording);
    this._segment.root ??= this as unknown as Segment['root']; // each subclass is a Span
    this._spanId = typeof spanId === 'string' ? spanId : generateSpanId();
    this._parentSpanId = typeof parentSpanId === 'string' ? parentSpanId : undefined;
  }

  /** The span's ids; `traceFlags` is 1 when its trace is sampled (always, for a recording span). */
  public spanContext(): SpanContextData {
    return {
      traceId: this._segment.traceId,
      spanId: this._spanId,
      traceFlags: this._segment.sampled ? 1 : 0,
    };
  }

  // Span links and span events are not part of the transactions this SDK sends: these accept them
  // (and drop them) so that code written for the established SDKs runs unchanged.
  public addLink(_link: unknown): this {
    return this;
  }

  public addLinks(_links: unknown): this {
    return this;
  }

  public addEvent(_name: string, _attributesOrStartTime?: unknown, _startTime?: unknown): this {
    return this;
  }

  /** A no-op, as in the established SDKs: capture errors with `captureException`. */
  public recordException(_exception: unknown, _time?: unknown): void {
    // nothing to record
  }

  /** @internal The parent's span id, if any. */
  public _getParentSpanId(): string | undefined {
    return this._parentSpanId;
  }

  /** @internal The tree this span belongs to. */
  public _getSegment(): Segment {
    return this._segment;
  }
}
