import type { Segment } from './segment';
import { SpanBase } from './span-base';
import type { Span, SpanAttributes, SpanAttributeValue, SpanStatus, SpanStatusObject, SpanTimeInput } from './types';

/**
 * A span that is not sampled (or made while tracing is off or suppressed): it keeps its ids so
 * that trace headers stay correct, and stores nothing else. Every method is a no-op, so setting
 * attributes on it allocates nothing.
 */
export class NonRecordingSpan extends SpanBase implements Span {
  /** `segment` is internal: the tree to join (a new, unsampled one by default). */
  public constructor(segment?: Segment, spanId?: string, parentSpanId?: string) {
    super(false, segment, spanId, parentSpanId);
  }

  public setAttribute(_key: string, _value: SpanAttributeValue | undefined): this {
    return this;
  }

  public setAttributes(_attributes: SpanAttributes): this {
    return this;
  }

  public setStatus(_status: SpanStatus | SpanStatusObject): this {
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
}
