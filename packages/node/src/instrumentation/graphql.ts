import {
  getActiveSpan,
  getCurrentScope,
  getIsolationScope,
  getRootSpan,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SEMANTIC_ATTRIBUTE_SENTRY_SOURCE,
  startSpan,
  type ClientLike,
  type Span,
  type SpanAttributes,
} from '@sentry-sdk/core';
import { callGuarded, isThenable, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { isTracingSuppressed } from '@sentry-sdk/core/internal';
import { getRecordingOptions, shouldSendDefaultPii } from './db-operation';
import { registerModuleHook } from './module-hooks';

/** What the GraphQL instrumentation does, from graphqlIntegration's options. */
export interface GraphqlRecordingOptions {
  /** Name the transaction after the operation (`query GetUser`). */
  useOperationNameForRootSpan: boolean;
  /** `graphql.parse` and `graphql.validate` spans besides `graphql.execute`. */
  parseAndValidateSpans: boolean;
}

/** The parts of a GraphQL document that are read. */
interface DocumentNode {
  definitions?: { kind?: unknown; operation?: unknown; name?: { value?: unknown } }[];
  loc?: { source?: { body?: unknown } };
}
type Fn = (...args: unknown[]) => unknown;

const ORIGIN = 'auto.graphql.graphql';
const optionsByClient = new WeakMap<ClientLike, GraphqlRecordingOptions>();
const patched = new WeakSet<object>();
let hooked = false;

/**
 * Instruments `graphql` 16 (and what sits on it: Apollo Server, GraphQL Yoga, graphql-http…):
 * `graphql.execute` spans named after the operation (`query GetUser`), which also names the
 * transaction, and `graphql.parse` / `graphql.validate` spans, by patching graphql's execute,
 * parser and validate modules when they load (graphql's own `graphql()` calls go through them too).
 */
export function instrumentGraphql(client: ClientLike, options: GraphqlRecordingOptions): void {
  optionsByClient.set(client, options);
  if (hooked) return;
  hooked = true;
  registerModuleHook('graphql/execution/execute', (exports) => patchExport(exports, 'execute', wrapExecute));
  registerModuleHook('graphql/language/parser', (exports) =>
    patchExport(exports, 'parse', (original) => wrapStep(original, 'graphql.parse')),
  );
  registerModuleHook('graphql/validation/validate', (exports) =>
    patchExport(exports, 'validate', (original) => wrapStep(original, 'graphql.validate')),
  );
}

function patchExport(exports: unknown, name: string, make: (original: Fn) => Fn): void {
  const target = exports as Record<string, unknown> | undefined;
  if (!target || patched.has(target) || typeof target[name] !== 'function') return;
  patched.add(target);
  const original = target[name] as Fn;
  const wrapped = make(original);
  markFunctionWrapped(wrapped, original);
  target[name] = wrapped;
}

function isRecording(): GraphqlRecordingOptions | undefined {
  const options = getRecordingOptions(optionsByClient);
  return options && !isTracingSuppressed(getCurrentScope()) ? options : undefined;
}

function wrapExecute(original: Fn): Fn {
  return function sentryExecute(this: unknown, ...args: unknown[]): unknown {
    const options = isRecording();
    const executionArgs = args[0] as { document?: DocumentNode; operationName?: unknown } | undefined;
    if (!options || !executionArgs || typeof executionArgs !== 'object') return original.apply(this, args);
    const { name, attributes } = describeOperation(executionArgs.document, executionArgs.operationName);
    if (options.useOperationNameForRootSpan && attributes['graphql.operation.name'] !== undefined) {
      callGuarded('graphql instrumentation', () => nameRootSpan(name), undefined);
    }
    return startSpan({ name, op: 'graphql.execute', attributes }, (span) =>
      observeResult(span, original.apply(this, args)),
    );
  };
}

function wrapStep(original: Fn, op: string): Fn {
  return function sentryGraphqlStep(this: unknown, ...args: unknown[]): unknown {
    const options = isRecording();
    if (!options?.parseAndValidateSpans || !getActiveSpan()) return original.apply(this, args);
    return startSpan(
      { name: op, op, onlyIfParent: true, attributes: { [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: ORIGIN } },
      (span) => observeResult(span, original.apply(this, args)),
    );
  };
}

/** Marks the span `internal_error` when the result (an execution result, or validation's error list) holds errors. */
function observeResult(span: Span, result: unknown): unknown {
  const check = (value: unknown): void => {
    const errors = Array.isArray(value) ? value : (value as { errors?: unknown } | null)?.errors;
    if (Array.isArray(errors) && errors.length > 0) span.setStatus('internal_error');
  };
  if (!isThenable(result)) {
    check(result);
    return result;
  }
  return result.then((value) => {
    check(value);
    return value;
  });
}

/** The operation the document runs: `query GetUser`, `mutation`, with its attributes (the document itself with `sendDefaultPii`). */
function describeOperation(
  document: DocumentNode | undefined,
  operationName: unknown,
): { name: string; attributes: SpanAttributes } {
  const attributes: SpanAttributes = { [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: ORIGIN };
  const operations = Array.isArray(document?.definitions)
    ? document.definitions.filter((definition) => definition?.kind === 'OperationDefinition')
    : [];
  const operation =
    typeof operationName === 'string'
      ? operations.find((definition) => definition.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  const type = typeof operation?.operation === 'string' ? operation.operation : 'query';
  const name = typeof operation?.name?.value === 'string' ? operation.name.value : undefined;
  attributes['graphql.operation.type'] = type;
  if (name) attributes['graphql.operation.name'] = name;
  const source = document?.loc?.source?.body;
  if (typeof source === 'string' && shouldSendDefaultPii()) attributes['graphql.document'] = source;
  return { name: name ? `${type} ${name}` : type, attributes };
}

/** Names the transaction (and the error events of the request) after the operation. */
function nameRootSpan(name: string): void {
  getIsolationScope().setTransactionName(name, 'custom');
  const active = getActiveSpan();
  if (!active) return;
  const root = getRootSpan(active);
  root.updateName(name);
  root.setAttribute(SEMANTIC_ATTRIBUTE_SENTRY_SOURCE, 'custom');
}
