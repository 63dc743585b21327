import { copyOwnEntries, DEBUG_BUILD, debug, timestampInSeconds } from '../lib';
import type { Measurement } from '../types';
import { toAttributeValue } from './attribute-value';
import type { Segment } from './segment';
import { SEMANTIC_ATTRIBUTE_SENTRY_OP, SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN } from './semantic-attributes';
import { emitSpanHook } from './span-hooks';
import { toSpanStatus } from './span-status';
import { SpanBase } from './span-base';
import { spanTimeInputToSeconds } from './span-time';
import type { Span, SpanAttributes, SpanAttributeValue, SpanJSON, SpanStatus, SpanStatusObject, SpanTimeInput } from './types';

/** What `new SentrySpan(...)` accepts; the creation functions (`startSpan`, …) fill it in. */
export interface SentrySpanOptions {
  name?: string | undefined;
  op?: string | undefined;
  attributes?: SpanAttributes | undefined;
  startTime?: SpanTimeInput | undefined;
  spanId?: string | undefined;
  parentSpanId?: string | undefined;
}

/**
 * A sampled span that records: name, op, status, attributes and timestamps. A span made with `new`
 * is the root of its own tree and sends nothing; spans from `startSpan` and friends join a tree
 * whose root sends the transaction when it ends.
 */
export class SentrySpan extends SpanBase implements Span {
  private readonly _startTime: number;
  private _endTime: number | undefined;
  private _name: string;
  private _status: SpanStatus | undefined;
  private readonly _attributes: Record<string, SpanAttributeValue> = {};
  private _measurements: Record<string, Measurement> | undefined;

  /** `segment` is internal: the tree to join (a new, sampled one by default). */
  public constructor(input: SentrySpanOptions = {}, segment?: Segment) {
    // the options are read once, guarded: a constructor is public API, and must not throw
    const options = copyOwnEntries<SentrySpanOptions>(input);
    super(true, segment, options.spanId, options.parentSpanId);
    this._startTime = spanTimeInputToSeconds(options.startTime) ?? timestampInSeconds();
    this._name = typeof options.name === 'string' ? options.name : '';
    this._attributes[SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN] = 'manual';
    if (options.op !== undefined) this.setAttribute(SEMANTIC_ATTRIBUTE_SENTRY_OP, options.op);
    if (options.attributes) this.setAttributes(options.attributes);
  }

  /** Sets one attribute; `undefined` removes it, values that are not primitives (or arrays of them) are ignored. */
  public setAttribute(key: string, value: SpanAttributeValue | undefined): this {
    if (this._segment.ended || typeof key !== 'string' || !key) return this;
    if (value === undefined) {
      delete this._attributes[key];
      return this;
    }
    const stored = toAttributeValue(value);
    if (stored === undefined) {
      DEBUG_BUILD &&
        debug.warn(
          `span.setAttribute: the value of "${key}" is not a primitive or an array of primitives; ignored`,
        );
    } else {
      this._attributes[key] = stored;
    }
    return this;
  }

  /** Sets several attributes (see `setAttribute`). */
  public setAttributes(attributes: SpanAttributes): this {
    if (attributes === null || typeof attributes !== 'object') return this;
    try {
      for (const key of Object.keys(attributes)) this.setAttribute(key, attributes[key]);
    } catch {
      DEBUG_BUILD && debug.warn('span.setAttributes: the attributes could not be read; some were ignored');
    }
    return this;
  }

  /** Sets the status (protocol.md §6.3, or `{ code, message }`); unknown values are ignored. */
  public setStatus(status: SpanStatus | SpanStatusObject): this {
    const known = toSpanStatus(status);
    if (known) this._status = known;
    else DEBUG_BUILD && debug.warn(`span.setStatus: a ${typeof status} is not a span status; ignored`);
    return this;
  }

  /** Renames the span (the transaction name when it is a root). */
  public updateName(name: string): this {
    if (typeof name === 'string') this._name = name;
    return this;
  }

  /** Ends the span now or at `endTimestamp` (never before its start); later calls do nothing. */
  public end(endTimestamp?: SpanTimeInput): void {
    if (this._endTime !== undefined) return;
    const end = spanTimeInputToSeconds(endTimestamp) ?? timestampInSeconds();
    this._endTime = Math.max(end, this._startTime);
    const segment = this._segment;
    emitSpanHook(segment.client, 'spanEnd', this);
    if (segment.root === this) {
      segment.ended = true;
      segment.onRootEnd?.(this);
    } else if (!segment.ended) {
      segment.finished.push(this);
    }
  }

  /** True until the span ends. */
  public isRecording(): boolean {
    return this._endTime === undefined;
  }

  /** The span in its wire form (protocol.md §6.2). */
  public getSpanJSON(): SpanJSON {
    const attributes = this._attributes;
    const op = attributes[SEMANTIC_ATTRIBUTE_SENTRY_OP];
    const origin = attributes[SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN];
    const json: SpanJSON = {
      trace_id: this._segment.traceId,
      span_id: this._spanId,
      start_timestamp: this._startTime,
      data: { ...attributes },
    };
    if (this._parentSpanId) json.parent_span_id = this._parentSpanId;
    if (this._endTime !== undefined) json.timestamp = this._endTime;
    if (typeof op === 'string') json.op = op;
    if (this._name) json.description = this._name;
    if (this._status) json.status = this._status;
    if (typeof origin === 'string') json.origin = origin;
    if (this._measurements) json.measurements = { ...this._measurements };
    return json;
  }

  /** Records a measurement (protocol.md §6.6); sent with the transaction when this span is a root. */
  public setMeasurement(name: string, value: number, unit: string): void {
    if (this._segment.ended || typeof name !== 'string' || !name || typeof value !== 'number') return;
    (this._measurements ??= {})[name] = { value, unit: typeof unit === 'string' ? unit : '' };
  }
}
