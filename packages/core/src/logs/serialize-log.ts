import { forEachOwnEntry } from '../lib';
import { replaceLoneSurrogates, stringifyLogValue, toLogAttribute } from './log-attribute';
import { setOwn } from './set-own';
import type { Log, LogAttributeValue, LogSeverityLevel, SerializedLog } from './types';

/** Severity numbers of the levels: the lowest of each OpenTelemetry range (protocol.md §10). */
export const SEVERITY_NUMBERS: Readonly<Record<LogSeverityLevel, number>> = {
  trace: 1,
  debug: 5,
  info: 9,
  warn: 13,
  error: 17,
  fatal: 21,
};

// JSON punctuation and the fixed fields of one log, and of one attribute, in bytes (an estimate).
const LOG_OVERHEAD = 160;
const ATTRIBUTE_OVERHEAD = 30;

function isLevel(value: unknown): value is LogSeverityLevel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SEVERITY_NUMBERS, value);
}

// what beforeSendLog returned may be hostile: a throwing getter reads as absent
function readField(log: Log, key: keyof Log): unknown {
  try {
    return log[key];
  } catch {
    return undefined;
  }
}

function severityOf(log: Log, level: LogSeverityLevel): number {
  const number = readField(log, 'severityNumber');
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 24
    ? number
    : SEVERITY_NUMBERS[level];
}

/**
 * The wire form of a log that passed `beforeSendLog` (whatever the hook returned, this never
 * throws: an invalid level keeps `fallbackLevel`), with its estimated size in bytes.
 */
export function serializeLog(
  log: Log,
  fallbackLevel: LogSeverityLevel,
  timestamp: number,
  traceId: string,
  depth?: number,
): { serialized: SerializedLog; bytes: number } {
  const rawLevel = readField(log, 'level');
  const level = isLevel(rawLevel) ? rawLevel : fallbackLevel;
  const rawBody = readField(log, 'message');
  const body = replaceLoneSurrogates(typeof rawBody === 'string' ? rawBody : stringifyLogValue(rawBody, depth));
  const attributes: Record<string, LogAttributeValue> = {};
  let bytes = LOG_OVERHEAD + body.length;

  const input = readField(log, 'attributes');
  if (typeof input === 'object' && input !== null) {
    forEachOwnEntry(input, (key, value) => {
      const attribute = toLogAttribute(value, depth);
      if (!attribute) return;
      const name = replaceLoneSurrogates(key);
      setOwn(attributes, name, attribute);
      bytes += ATTRIBUTE_OVERHEAD + name.length + (typeof attribute.value === 'string' ? attribute.value.length : 8);
    });
  }

  return {
    serialized: { timestamp, trace_id: traceId, level, severity_number: severityOf(log, level), body, attributes },
    bytes,
  };
}
