import {
  attempt,
  copyOwnEntries,
  dateTimestampInSeconds,
  debug,
  DEBUG_BUILD,
  forEachOwnEntry,
  hasOwnEntries,
  readProperty,
} from '../lib';
import { runScopeCloneHooks } from './scope-clone-hooks';
import type {
  Attachment,
  Breadcrumb,
  Client,
  Context,
  Event,
  EventHint,
  EventProcessor,
  PropagationContext,
  ScopeContext,
  ScopeData,
  SeverityLevel,
  TransactionSource,
  User,
} from '../types';
import { applyCaptureContext } from './apply-capture-context';
import { copyContexts, toMaxBreadcrumbs } from './apply-scope-data-to-event';
import { captureWithScope, syntheticHint } from './capture-with-scope';
import { createPropagationContext } from './propagation-context';
import { toKey, toTagValue } from './to-tag-value';

/** A tag value as users may pass it; stored as a string. */
export type TagValue = string | number | boolean | bigint | null | undefined;

/** What `update` and the capture functions accept: a scope, plain scope data, or a function of the scope. */
export type CaptureContext = Scope | Partial<ScopeContext> | ((scope: Scope) => Scope | void);

const LEVELS: readonly string[] = ['fatal', 'error', 'warning', 'log', 'info', 'debug'];
const SOURCES: readonly string[] = ['custom', 'url', 'route', 'view', 'component', 'task'];

/**
 * Data that is merged into every event captured while the scope is active (global, isolation or
 * current level). Setters return the scope for chaining; no method throws, whatever it is given.
 */
export class Scope {
  private _data: ScopeData = emptyScopeData();
  private _client: Client | undefined;
  private _lastEventId: string | undefined;

  /** Replaces the user; `null` removes it. Keys are kept as given (the pipeline moves unknown ones under `data`). */
  public setUser(user: User | null): this {
    if (user === null || user === undefined) this._data.user = {};
    else if (typeof user === 'object') this._data.user = copyOwnEntries<User>(user);
    else DEBUG_BUILD && debug.warn('setUser: the user must be an object or null; ignored');
    return this;
  }

  /** The user set on this scope, if any. */
  public getUser(): User | undefined {
    return hasOwnEntries(this._data.user) ? this._data.user : undefined;
  }

  /** Sets one tag; the value is stored as a string, `null`/`undefined` remove the tag. */
  public setTag(key: string, value: TagValue): this {
    const name = toKey(key);
    if (name === undefined) {
      DEBUG_BUILD && debug.warn('setTag: the tag key must be a non-empty string; ignored');
      return this;
    }
    const text = toTagValue(value);
    if (text === undefined) delete this._data.tags[name];
    else this._data.tags[name] = text;
    return this;
  }

  /** Sets several tags at once (see `setTag`). */
  public setTags(tags: Record<string, TagValue>): this {
    forEachOwnEntry(tags, (key, value) => this.setTag(key, value as TagValue));
    return this;
  }

  /** Sets one arbitrary value under `extra` (normalised when the event is sent). */
  public setExtra(key: string, extra: unknown): this {
    const name = toKey(key);
    if (name === undefined)
      DEBUG_BUILD && debug.warn('setExtra: the key must be a non-empty string; ignored');
    else this._data.extra[name] = extra;
    return this;
  }

  /** Sets several extras at once. */
  public setExtras(extras: Record<string, unknown>): this {
    forEachOwnEntry(extras, (key, value) => this.setExtra(key, value));
    return this;
  }

  /** Sets one context (`contexts[name]`); `null` removes it. The context is copied. */
  public setContext(name: string, context: Context | null): this {
    const key = toKey(name);
    if (key === undefined) {
      DEBUG_BUILD && debug.warn('setContext: the name must be a non-empty string; ignored');
    } else if (context === null || context === undefined) {
      delete this._data.contexts[key];
    } else if (typeof context === 'object') {
      this._data.contexts[key] = copyOwnEntries<Context>(context);
    } else {
      DEBUG_BUILD && debug.warn(`setContext: context "${key}" must be an object or null; ignored`);
    }
    return this;
  }

  /** Sets the level of events captured with this scope (it overrides the event's own). */
  public setLevel(level: SeverityLevel): this {
    if (LEVELS.includes(level)) this._data.level = level;
    else DEBUG_BUILD && debug.warn('setLevel: unknown level; ignored');
    return this;
  }

  /** Sets the grouping fingerprint of events captured with this scope. */
  public setFingerprint(fingerprint: string[]): this {
    // `attempt`: reading a hostile array (a revoked Proxy, a throwing element) must not throw
    const parts = attempt(() =>
      Array.isArray(fingerprint) ? Array.from(fingerprint, (part) => toTagValue(part)) : undefined,
    );
    if (parts) this._data.fingerprint = parts.filter((part) => part !== undefined);
    else DEBUG_BUILD && debug.warn('setFingerprint: the fingerprint must be an array of strings; ignored');
    return this;
  }

  /** Names the transaction that events of this scope belong to; `undefined` removes the name. */
  public setTransactionName(name?: string, source?: TransactionSource): this {
    this._data.transactionName = typeof name === 'string' && name ? name : undefined;
    this._data.transactionSource =
      this._data.transactionName && source && SOURCES.includes(source) ? source : undefined;
    return this;
  }

  /** Stores a copy of the breadcrumb (timestamp defaulted to now), keeping the newest `maxBreadcrumbs`. */
  public addBreadcrumb(breadcrumb: Breadcrumb, maxBreadcrumbs?: number): this {
    const max = toMaxBreadcrumbs(maxBreadcrumbs);
    if (max === 0 || breadcrumb === null || typeof breadcrumb !== 'object') return this;
    const copy = copyOwnEntries<Breadcrumb>(breadcrumb);
    if (typeof copy.timestamp !== 'number' || !Number.isFinite(copy.timestamp))
      copy.timestamp = dateTimestampInSeconds();
    return this._pushBreadcrumb(copy, max);
  }

  /** @internal Stores a breadcrumb the SDK made itself (copied, with a valid timestamp) as it is. */
  public _pushBreadcrumb(breadcrumb: Breadcrumb, maxBreadcrumbs: number): this {
    const max = toMaxBreadcrumbs(maxBreadcrumbs);
    if (max === 0) return this;
    const breadcrumbs = this._data.breadcrumbs;
    breadcrumbs.push(breadcrumb);
    // usually one over: shift, which V8 does in place, costs far less than splice
    if (breadcrumbs.length > max + 1) breadcrumbs.splice(0, breadcrumbs.length - max);
    else if (breadcrumbs.length > max) breadcrumbs.shift();
    return this;
  }

  /** The most recent breadcrumb, if any. */
  public getLastBreadcrumb(): Breadcrumb | undefined {
    return this._data.breadcrumbs[this._data.breadcrumbs.length - 1];
  }

  /** Removes all breadcrumbs. */
  public clearBreadcrumbs(): this {
    this._data.breadcrumbs = [];
    return this;
  }

  /** Adds a file sent with every event captured with this scope. */
  public addAttachment(attachment: Attachment): this {
    if (attachment !== null && typeof attachment === 'object') this._data.attachments.push(attachment);
    return this;
  }

  /** The attachments of this scope (a copy of the list). */
  public getAttachments(): Attachment[] {
    return this._data.attachments.slice();
  }

  /** Removes all attachments. */
  public clearAttachments(): this {
    this._data.attachments = [];
    return this;
  }

  /** Adds a processor that may change or drop (null) every event captured with this scope. */
  public addEventProcessor(processor: EventProcessor): this {
    if (typeof processor === 'function') this._data.eventProcessors.push(processor);
    return this;
  }

  /** Replaces the trace identity used when no span is active. */
  public setPropagationContext(context: PropagationContext): this {
    const copy = copyOwnEntries<PropagationContext>(context);
    if (typeof copy.traceId === 'string' && typeof copy.sampleRand === 'number')
      this._data.propagationContext = copy;
    else
      DEBUG_BUILD &&
        debug.warn('setPropagationContext: needs a string traceId and a numeric sampleRand; ignored');
    return this;
  }

  /** The trace identity used when no span is active. */
  public getPropagationContext(): PropagationContext {
    return this._data.propagationContext;
  }

  /** Merges internal values integrations keep on the scope; never sent as such. */
  public setSDKProcessingMetadata(data: Record<string, unknown>): this {
    forEachOwnEntry(data, (key, value) => {
      this._data.sdkProcessingMetadata[key] = value;
    });
    return this;
  }

  /** Removes all data and starts a new trace; the client and last event id stay. */
  public clear(): this {
    this._data = emptyScopeData();
    return this;
  }

  /** A copy whose changes never reach this scope; it shares the client. */
  public clone(): Scope {
    // Not `new Scope()`: its fresh scope data (a new trace id among it) would be thrown away at
    // once, and every withScope and every request pays for a clone.
    const clone = Object.create(Scope.prototype) as Scope;
    clone._data = copyScopeData(this._data);
    clone._client = this._client;
    clone._lastEventId = this._lastEventId;
    runScopeCloneHooks(this, clone);
    return clone;
  }

  /** Merges a scope, plain scope data, or what a function of this scope returns, into this scope. */
  public update(captureContext?: CaptureContext): this {
    applyCaptureContext(this, captureContext);
    return this;
  }

  /** Binds a client; capture methods of this scope send through it. */
  public setClient(client: Client | undefined): this {
    this._client = client !== null && typeof client === 'object' ? client : undefined;
    return this;
  }

  /** The client bound to this scope, if any. */
  public getClient<C extends Client = Client>(): C | undefined {
    return this._client as C | undefined;
  }

  /** Records the id of the last error or message event captured. */
  public setLastEventId(eventId: string | undefined): this {
    this._lastEventId = typeof eventId === 'string' ? eventId : undefined;
    return this;
  }

  /** The id of the last error or message event captured with this scope. */
  public lastEventId(): string | undefined {
    return this._lastEventId;
  }

  /** A snapshot of the scope's data: changing it does not change the scope. */
  public getScopeData(): ScopeData {
    return copyScopeData(this._data);
  }

  /** Captures a thrown value with this scope; returns the event id (a fresh one when there is no client). */
  public captureException(exception: unknown, hint?: EventHint): string {
    const base = syntheticHint(exception);
    return captureWithScope(this, 'captureException', hint, (client, full) =>
      client.captureException(exception, { ...base, ...full }, this),
    );
  }

  /** Captures a message with this scope; returns the event id. */
  public captureMessage(message: string, level?: SeverityLevel, hint?: EventHint): string {
    const base = syntheticHint(message);
    return captureWithScope(this, 'captureMessage', hint, (client, full) =>
      client.captureMessage(message, level, { ...base, ...full }, this),
    );
  }

  /** Captures a prepared event with this scope; returns the event id (kept as `lastEventId` for errors and messages only). */
  public captureEvent(event: Event, hint?: EventHint): string {
    const type = readProperty(event, 'type');
    return captureWithScope(
      this,
      'captureEvent',
      hint,
      (client, full) => client.captureEvent(event, full, this),
      type !== 'transaction' && type !== 'feedback',
    );
  }
}

function emptyScopeData(): ScopeData {
  return {
    user: {},
    tags: {},
    extra: {},
    contexts: {},
    level: undefined,
    fingerprint: [],
    breadcrumbs: [],
    attachments: [],
    eventProcessors: [],
    transactionName: undefined,
    transactionSource: undefined,
    propagationContext: createPropagationContext(),
    sdkProcessingMetadata: {},
  };
}

// Every container copied, and each context one level deeper: processors change contexts on the
// event in place, and neither a snapshot nor a fork may reach back into this scope.
// Spelled out field by field, not looped: every withScope and every request clones a scope, and
// the literal is several times faster than a generic copy.
function copyScopeData(data: ScopeData): ScopeData {
  return {
    user: { ...data.user },
    tags: { ...data.tags },
    extra: { ...data.extra },
    contexts: copyContexts(data.contexts),
    level: data.level,
    fingerprint: data.fingerprint.slice(),
    breadcrumbs: data.breadcrumbs.slice(),
    attachments: data.attachments.slice(),
    eventProcessors: data.eventProcessors.slice(),
    transactionName: data.transactionName,
    transactionSource: data.transactionSource,
    propagationContext: { ...data.propagationContext },
    sdkProcessingMetadata: { ...data.sdkProcessingMetadata },
  };
}
