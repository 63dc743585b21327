import type { Debugger, Runtime } from 'node:inspector';

/** Bounds of what is read of the locals of one paused exception. */
export interface VariableLimits {
  /** Properties (or array elements) kept per object, and locals kept per frame. */
  maxProperties: number;
  /** Levels below a frame's scope: 1 keeps locals as one-line summaries, 2 also opens their objects. */
  maxDepth: number;
  /** Longer strings are cut and end with `…`. */
  maxStringLength: number;
  /** false: record the type of each value instead of the value (for apps whose locals hold secrets). */
  includeRawValues: boolean;
}

/** Asks the inspector for an object's own properties; answers synchronously while the thread is paused. */
export type GetProperties = (objectId: string) => Runtime.PropertyDescriptor[] | undefined;

/** A budget of `Runtime.getProperties` calls shared by all frames of one pause. */
export interface LookupBudget {
  remaining: number;
}

/** The variables of one scope object (a frame's `local` scope), bounded by `limits`. */
export function serializeScope(
  scope: Debugger.Scope,
  getProperties: GetProperties,
  limits: VariableLimits,
  budget: LookupBudget,
): Record<string, unknown> | undefined {
  const objectId = scope.object.objectId;
  if (!objectId || budget.remaining <= 0) return undefined;
  budget.remaining -= 1;
  const properties = getProperties(objectId);
  if (!properties) return undefined;
  return serializeProperties(properties, 1, getProperties, limits, budget);
}

function serializeProperties(
  properties: Runtime.PropertyDescriptor[],
  depth: number,
  getProperties: GetProperties,
  limits: VariableLimits,
  budget: LookupBudget,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  let kept = 0;
  for (const property of properties) {
    if (kept >= limits.maxProperties) break;
    // `this` of the frame and internal slots are not variables the user wrote
    if (property.name === 'this' || property.name.startsWith('[[')) continue;
    kept += 1;
    result[property.name] = property.value
      ? serializeValue(property.value, depth, getProperties, limits, budget)
      : '<accessor>';
  }
  return result;
}

/** One value as JSON: primitives as they are, objects opened while depth and budget allow. */
export function serializeValue(
  value: Runtime.RemoteObject,
  depth: number,
  getProperties: GetProperties,
  limits: VariableLimits,
  budget: LookupBudget,
): unknown {
  if (!limits.includeRawValues) return `<${value.subtype ?? value.type}>`;
  switch (value.type) {
    case 'undefined':
      return '<undefined>';
    case 'string':
      return truncateString(String(value.value), limits.maxStringLength);
    case 'number':
    case 'boolean':
      return value.unserializableValue ?? value.value;
    case 'bigint':
      return value.unserializableValue ?? value.description;
    case 'symbol':
      return value.description;
    case 'function':
      // the description of a function is its source text
      return '<function>';
    default:
      return serializeObject(value, depth, getProperties, limits, budget);
  }
}

function serializeObject(
  value: Runtime.RemoteObject,
  depth: number,
  getProperties: GetProperties,
  limits: VariableLimits,
  budget: LookupBudget,
): unknown {
  if (value.subtype === 'null') return null;
  const summary = truncateString(value.description ?? value.className ?? 'Object', limits.maxStringLength);
  const openable = value.subtype === undefined || value.subtype === 'array';
  if (!openable || !value.objectId || depth >= limits.maxDepth || budget.remaining <= 0) return summary;
  budget.remaining -= 1;
  const properties = getProperties(value.objectId);
  if (!properties) return summary;
  if (value.subtype !== 'array')
    return serializeProperties(properties, depth + 1, getProperties, limits, budget);
  const elements: unknown[] = [];
  for (const property of properties) {
    if (elements.length >= limits.maxProperties) break;
    if (!/^\d+$/.test(property.name) || !property.value) continue;
    elements.push(serializeValue(property.value, depth + 1, getProperties, limits, budget));
  }
  return elements;
}

function truncateString(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
