import { generateSpanId } from '../lib';
import { registerOwnSpan } from './own-spans';
import { toSegment, type Segment } from './segment';
import type {
  Span,
  SpanAttributes,
  SpanAttributeValue,
  SpanContextData,
  SpanStatus,
  SpanTimeInput,
} from './types';

/**
 * A span that is not sampled (or made while tracing is off or suppressed): it keeps its ids so
 * that trace headers stay correct, and stores nothing else. Every method is a no-op, so setting
 * attributes on it allocates nothing.
 */
export class NonRecordingSpan implements Span {
  private readonly _segment: Segment;
  private readonly _spanId: string;
  private readonly _parentSpanId: string | undefined;

  /** `segment` is internal: the tree to join (a new, unsampled one by default). */
  public constructor(segment?: Segment, spanId?: string, parentSpanId?: string) {
    registerOwnSpan(this, false);
    this._segment = toSegment(segment, false);
    this._segment.root ??= this;
    this._spanId = typeof spanId === 'string' ? spanId : generateSpanId();
    this._parentSpanId = typeof parentSpanId === 'string' ? parentSpanId : undefined;
  }

  /** The span's ids; `traceFlags` is 1 only when the trace was sampled upstream. */
  public spanContext(): SpanContextData {
    return {
      traceId: this._segment.traceId,
      spanId: this._spanId,
      traceFlags: this._segment.sampled ? 1 : 0,
    };
  }

  public setAttribute(_key: string, _value: SpanAttributeValue | undefined): this {
    return this;
  }

  public setAttributes(_attributes: SpanAttributes): this {
    return this;
  }

  public setStatus(_status: SpanStatus): this {
    return this;
  }

  /** Renaming a root still matters: its name may go into the trace's baggage. */
  public updateName(name: string): this {
    if (this._segment.root === this && typeof name === 'string') this._segment.name = name;
    return this;
  }

  public end(_endTimestamp?: SpanTimeInput): void {
    // nothing is recorded, so nothing is sent
  }

  /** Always false. */
  public isRecording(): boolean {
    return false;
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
