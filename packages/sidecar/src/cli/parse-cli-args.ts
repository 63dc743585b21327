import { parseArgs } from 'node:util';
import type { SidecarOptions } from '../server';
import type { StoreEngineChoice } from '../store';

/** What the command line asks for. */
export type CliCommand =
  | { command: 'serve'; options: SidecarOptions; quiet: boolean }
  | { command: 'tail'; url: string; json: boolean }
  | { command: 'help' }
  | { command: 'version' };

/** A command line that cannot be run; the message says which argument is wrong. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** The help text of `sentry-sdk-sidecar`. */
export const USAGE = `Usage:
  sentry-sdk-sidecar [options]          receive envelopes and show them at http://127.0.0.1:8969
  sentry-sdk-sidecar tail [--url URL]   print arriving events in this terminal

Options:
  --port N              port to listen on (default 8969; 0 picks a free one)
  --host HOST           address to listen on (default 127.0.0.1: this machine only)
  --data DIR            where the SQLite database lives (default .sentry-sdk/)
  --retention-days N    delete items older than N days (default 7)
  --max-items N         keep at most N items, deleting the oldest
  --max-envelope-size S largest envelope accepted, e.g. 20m (default), 512k; larger gets 413
  --rate-limit LIMITS   answer 429 for these categories, e.g. "60:error:key" (X-Sentry-Rate-Limits syntax)
  --engine E            auto (default), node:sqlite or sql.js
  --quiet               do not print a line per envelope
  --json                (tail) print each item as one JSON line
  --url URL             (tail) the sidecar to follow (default http://127.0.0.1:8969)
  -h, --help            this text
  -v, --version         the version

Point an SDK at it with the DSN http://public@127.0.0.1:8969/1 (any key and project id work).`;

const ENGINES = new Set(['auto', 'node:sqlite', 'sql.js']);

/** Reads `argv` (without node and the script); throws CliUsageError for a bad command line. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'retention-days': { type: 'string' },
        'max-items': { type: 'string' },
        'max-envelope-size': { type: 'string' },
        'rate-limit': { type: 'string' },
        engine: { type: 'string' },
        quiet: { type: 'boolean' },
        json: { type: 'boolean' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command = 'serve', ...extra] = positionals;
  if (extra.length > 0) throw new CliUsageError(`unexpected argument: ${extra[0]}`);
  if (command === 'tail')
    return { command: 'tail', url: values.url ?? 'http://127.0.0.1:8969', json: values.json ?? false };
  if (command !== 'serve') throw new CliUsageError(`unknown command: ${command}`);
  if (values.engine !== undefined && !ENGINES.has(values.engine)) {
    throw new CliUsageError(`--engine must be auto, node:sqlite or sql.js, not ${values.engine}`);
  }
  return {
    command: 'serve',
    quiet: values.quiet ?? false,
    options: {
      port: readInteger(values.port, '--port', 0, 65_535),
      host: values.host,
      dataDir: values.data,
      retentionDays: readNumber(values['retention-days'], '--retention-days'),
      maxItems: readInteger(values['max-items'], '--max-items', 1, Number.MAX_SAFE_INTEGER),
      maxEnvelopeBytes: readSize(values['max-envelope-size'], '--max-envelope-size'),
      rateLimits: values['rate-limit'],
      engine: values.engine as StoreEngineChoice | undefined,
    },
  };
}

function readNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0)
    throw new CliUsageError(`${flag} must be a positive number, not ${value}`);
  return number;
}

function readInteger(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max)
    throw new CliUsageError(`${flag} must be a whole number from ${min} to ${max}, not ${value}`);
  return number;
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** `20m`, `512k`, `1048576` → bytes. */
function readSize(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined || Number(match[1]) <= 0)
    throw new CliUsageError(`${flag} must be a size such as 20m or 512k, not ${value}`);
  return Math.floor(Number(match[1]) * unit);
}
