/** Where a command's keys are among its arguments; the other arguments are values. */
type KeyLayout = 'first' | 'all' | 'pairs' | 'fields' | 'fieldPairs' | 'script' | 'none' | 'secret';

const LAYOUTS: Record<string, KeyLayout> = {};
const define = (layout: KeyLayout, names: string): void => {
  for (const name of names.split(' ')) LAYOUTS[name] = layout;
};
define(
  'all',
  'DEL UNLINK EXISTS TOUCH MGET WATCH SINTER SUNION SDIFF PFCOUNT RENAME RENAMENX SINTERSTORE SUNIONSTORE SDIFFSTORE BLPOP BRPOP',
);
define('pairs', 'MSET MSETNX');
define('fields', 'HGET HMGET HDEL HEXISTS HSTRLEN HGETDEL HTTL HPERSIST');
define('fieldPairs', 'HSET HMSET HSETNX');
define('script', 'EVAL EVALSHA EVAL_RO EVALSHA_RO FCALL FCALL_RO');
define(
  'none',
  'PING INFO DBSIZE FLUSHDB FLUSHALL SELECT TIME QUIT MULTI EXEC DISCARD CLIENT CONFIG COMMAND SCRIPT',
);
define('secret', 'AUTH HELLO MIGRATE');

const VALUE = '?';
const MAX_ARGS = 16;
const MAX_ARG_LENGTH = 100;

/** A Redis command as spans and breadcrumbs describe it. */
export interface RedisCommandDescription {
  /** `SET user:1 ?`: the command with its keys, values as `?` (all arguments with `includeValues`). */
  description: string;
  /** The first key, if the command has one. */
  key: string | undefined;
}

function toText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    text = String(value);
  else if (value instanceof Uint8Array) text = Buffer.from(value).toString('utf8');
  else text = VALUE;
  return text.length > MAX_ARG_LENGTH ? `${text.slice(0, MAX_ARG_LENGTH)}…` : text;
}

/** Whether the argument at `index` is a key (or a name the command needs to be read, such as a hash field). */
function isKey(layout: KeyLayout, index: number, args: readonly unknown[]): boolean {
  switch (layout) {
    case 'first':
      return index === 0;
    case 'all':
      return true;
    case 'pairs':
      return index % 2 === 0;
    case 'fields':
      return true;
    case 'fieldPairs':
      return index === 0 || index % 2 === 1;
    case 'script': {
      // EVALSHA sha numkeys key… arg…: the sha (not EVAL's script body) and the count are not values either
      const count = Number(toText(args[1]));
      return index <= 1 || (Number.isInteger(count) && index < 2 + count);
    }
    case 'none':
      return true;
    case 'secret':
      return false;
  }
}

/**
 * Describes a Redis command for a span or breadcrumb: keys (and hash fields, script hashes and key
 * counts) stay, values become `?` unless `includeValues` (`sendDefaultPii`); credentials of `AUTH`
 * and `HELLO` never appear. At most 16 arguments of 100 characters each.
 * @example describeRedisCommand('set', ['user:1', 'Ada']).description // "SET user:1 ?"
 */
export function describeRedisCommand(
  name: string,
  args: readonly unknown[],
  includeValues = false,
): RedisCommandDescription {
  const command = name.toUpperCase();
  const layout = LAYOUTS[command] ?? 'first';
  const parts = [command];
  for (let i = 0; i < args.length && i < MAX_ARGS; i++) {
    // a script body is long and says nothing a key would not: never shown
    const isScriptBody = i === 0 && (command === 'EVAL' || command === 'EVAL_RO');
    const shown = layout !== 'secret' && !isScriptBody && (includeValues || isKey(layout, i, args));
    parts.push(shown ? toText(args[i]) : VALUE);
  }
  if (args.length > MAX_ARGS) parts.push('…');
  const hasKey = layout !== 'none' && layout !== 'secret' && layout !== 'script' && args.length > 0;
  const keyIndex = layout === 'script' ? 2 : 0;
  const key =
    hasKey || (layout === 'script' && Number(toText(args[1])) > 0) ? toText(args[keyIndex]) : undefined;
  return { description: parts.join(' '), key };
}
