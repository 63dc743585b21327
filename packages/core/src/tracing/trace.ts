import { callGuarded, isThenable, type SPANTEMPLATE } from '../lib';
import { getClient } from '../scope';
import { applySpanTemplate, isAiTemplate, recordTemplateResult } from './span-template';
import { startSpan } from './start-span';
import type { SpanAttributes } from './types';

/** What `trace` accepts besides the function. */
export interface TraceOptions {
  /** The span name; default: the function's name (`Class.method` for decorated methods). */
  name?: string;
  /** Default `function`, or the template's op. */
  op?: string;
  attributes?: SpanAttributes;
  /** Sets op, name and `gen_ai.*` attributes the way the AI views expect (protocol.md §12). */
  template?: SPANTEMPLATE;
}

type AnyFunction = (this: any, ...args: any[]) => any;
type MethodDecorator = <T extends AnyFunction>(method: T, context: ClassMethodDecoratorContext) => T;

function isDecoratorContext(value: unknown): value is ClassMethodDecoratorContext {
  try {
    return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'method';
  } catch {
    return false; // a revoked Proxy is no decorator context
  }
}

function readTraceOptions(value: unknown): TraceOptions {
  if (value === null || typeof value !== 'object') return {};
  const options: TraceOptions = {};
  try {
    const { name, op, attributes, template } = value as Record<string, unknown>;
    if (typeof name === 'string') options.name = name;
    if (typeof op === 'string') options.op = op;
    if (attributes !== null && typeof attributes === 'object')
      options.attributes = attributes as SpanAttributes;
    if (typeof template === 'string') options.template = template as SPANTEMPLATE;
  } catch {
    // hostile options: trace with the defaults
  }
  return options;
}

/** `Class.method` for a decorated method, read from the receiver at call time. */
function qualifiedName(receiver: unknown, method: string, isStatic: boolean): string {
  try {
    const owner = isStatic ? (receiver as { name?: unknown }).name : (receiver as object).constructor.name;
    return typeof owner === 'string' && owner ? `${owner}.${method}` : method;
  } catch {
    return method;
  }
}

function wrap<T extends AnyFunction>(fn: T, options: TraceOptions, context?: ClassMethodDecoratorContext): T {
  const template = options.template;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    const baseName = context
      ? qualifiedName(this, String(context.name), context.static)
      : fn.name || '<anonymous>';
    const sendDefaultPii = callGuarded(
      'client.getOptions',
      () => getClient()?.getOptions().sendDefaultPii === true,
      false,
    );
    const templated = applySpanTemplate(template, baseName, args, sendDefaultPii);
    const spanOptions = {
      name: options.name ?? templated.name,
      op: options.op ?? templated.op,
      attributes: { ...templated.attributes, ...options.attributes },
    };
    return startSpan(spanOptions, (span) => {
      const result: unknown = fn.apply(this, args);
      if (!isAiTemplate(template)) return result;
      const record = (value: unknown): void => recordTemplateResult(span, template, value, sendDefaultPii);
      if (!isThenable(result)) {
        record(result);
        return result;
      }
      return result.then((value) => {
        record(value);
        return value;
      });
    });
  };
  try {
    Object.defineProperty(wrapped, 'name', { value: fn.name, configurable: true });
  } catch {
    // a frozen function: the wrapper keeps its own name
  }
  return wrapped as T;
}

/**
 * Wraps a function so that every call runs in a span (the Python SDK's `@trace`), keeping `this`,
 * the arguments and the return value; promises end the span when they settle. Call shapes:
 * - `trace(fn)` / `trace(fn, options)`: returns the wrapped function;
 * - `@trace` / `@trace()` / `@trace(options)` on a class method (TypeScript 5 / stage-3 decorators,
 *   not `experimentalDecorators`): the span is named `Class.method`.
 * @example const load = trace(async (id: string) => db.find(id), { op: 'db.query' });
 */
export function trace<T extends AnyFunction>(fn: T, options?: TraceOptions): T;
export function trace<T extends AnyFunction>(method: T, context: ClassMethodDecoratorContext): T;
export function trace(options?: TraceOptions): MethodDecorator;
export function trace(first?: unknown, second?: unknown): unknown {
  if (typeof first === 'function') {
    return isDecoratorContext(second)
      ? wrap(first as AnyFunction, {}, second)
      : wrap(first as AnyFunction, readTraceOptions(second));
  }
  const options = readTraceOptions(first);
  const decorator = (method: unknown, context: unknown): unknown =>
    typeof method === 'function'
      ? wrap(method as AnyFunction, options, isDecoratorContext(context) ? context : undefined)
      : method;
  return decorator;
}
