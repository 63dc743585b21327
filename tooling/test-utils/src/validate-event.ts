import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { EVENT_SCHEMA_PATH } from './paths';

type JsonObject = Record<string, any>;

let compiled: ValidateFunction | undefined;

/**
 * Relay's event schema with the overlay that protocol.md §16 describes for fields Relay accepts
 * but the 2024 snapshot lacks (transaction fields, `sdk.settings`, feedback). The copied file
 * itself is never edited.
 */
function compileEventSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(EVENT_SCHEMA_PATH, 'utf8')) as JsonObject;
  const root = schema['anyOf'][0].properties as JsonObject;
  root['start_timestamp'] = { anyOf: [{ $ref: '#/definitions/Timestamp' }, { type: 'null' }] };
  root['spans'] = {
    type: 'array',
    items: { type: 'object', required: ['span_id', 'trace_id', 'start_timestamp'] },
  };
  root['measurements'] = { type: 'object', additionalProperties: { type: 'object', required: ['value'] } };
  schema['definitions'].ClientSdkInfo.anyOf[0].properties.settings = { type: 'object' };
  schema['definitions'].EventType.enum.push('feedback');

  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^(?:[0-9a-f]{32}|[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$/i);
  for (const format of ['double', 'int64', 'uint64']) {
    ajv.addFormat(format, { type: 'number', validate: () => true });
  }
  return ajv.compile(schema);
}

/** Validates an event or transaction payload; returns the schema errors as text, or `undefined` when valid. */
export function getEventSchemaErrors(payload: unknown): string | undefined {
  compiled ??= compileEventSchema();
  if (compiled(payload)) return undefined;
  return JSON.stringify(compiled.errors, null, 2);
}

/** Throws with the schema errors when the payload is not a valid event. */
export function assertValidEvent(payload: unknown): void {
  const errors = getEventSchemaErrors(payload);
  if (errors) throw new Error(`event does not validate against Relay's schema:\n${errors}`);
}
