import type { Scope } from '../scope';
import { storeSpanForScope, type ActiveSpanReaders } from './active-span-slot';
import { getSpanDsc } from './span-dsc';
import { spanToJSON } from './span-to-json';
import type { Span } from './types';

export { _copySpanForScope, _getSpanForScope, _setTracingSuppressed, isTracingSuppressed } from './active-span-slot';

const READERS: ActiveSpanReaders = {
  traceContext(span) {
    const { trace_id, span_id, parent_span_id } = spanToJSON(span);
    return parent_span_id ? { trace_id, span_id, parent_span_id } : { trace_id, span_id };
  },
  dsc: getSpanDsc,
};

/** @internal Makes `span` the active span of `scope` (`undefined` clears it). */
export function _setSpanForScope(scope: Scope, span: Span | undefined): void {
  storeSpanForScope(scope, span, READERS);
}
