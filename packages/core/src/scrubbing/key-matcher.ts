// Which keys hold secrets. A key is read as its words (`X-Auth-Token`, `x_auth_token` and
// `xAuthToken` are all `x.auth.token`), so separators and case never matter.

/** Words that mark a secret wherever they stand in a key (`db_password_hash`, `x-api-key`). */
const ANYWHERE = [
  'apikey',
  'accesskey',
  'secretkey',
  'privatekey',
  'credential',
  'credentials',
  'mysqlpwd',
  'passphrase',
  'csrf',
  'xsrf',
  'bearer',
  'jwt',
  'creditcard',
  'cardnumber',
  'cvv',
  'cvc',
];

/**
 * Words that mark a secret only as the last word of a key: `x-auth-token` and `session_id` hold
 * one, while `token_count`, `gen_ai.token.type` and `session_start` do not. Numbers under such keys
 * are counts and timings (`gen_ai.response.time_to_first_token`), so only text and objects are filtered.
 */
const LAST = ['auth', 'authorization', 'token', 'session', 'sessionid', 'sid', 'cookie', 'setcookie', 'pwd'];

/** Parts of a single word that mark a secret (`userpassword`, `PHPSESSID`, `JSESSIONID`, `clientsecret`). */
const INSIDE_WORD = /password|passwd|secret|sess(?:ion)?id/;

const CACHE_LIMIT = 4096;

/** How much of a key's value is a secret: nothing, its text and objects (not numbers), or all of it. */
export type Denial = 0 | 1 | 2;
export const NOT_DENIED: Denial = 0;
export const DENIED_TEXT: Denial = 1;
export const DENIED: Denial = 2;

/** Which keys the scrubber filters: the defaults and the user's deny list, less the allow list. */
export interface KeyRules {
  denyKeys: readonly (string | RegExp)[];
  allowKeys: readonly (string | RegExp)[];
}

/** A key's words in lower case, each between dots: `xAuthToken` → `.x.auth.token.` */
export function markWords(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1.$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1.$2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean);
  return `.${words.join('.')}.`;
}

/** A key's letters and digits in lower case: how allow-list strings are compared. */
export function compactKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z\d]/g, '');
}

// `apikey` matches the words `.api.key.` as well as `.apikey.`: a dot may stand between any letters.
function wordSequence(entry: string): string {
  return entry.split('').join('\\.?');
}

function wordsPattern(entries: readonly string[], last: boolean): RegExp | undefined {
  const alternatives = entries.map(compactKey).filter(Boolean).map(wordSequence);
  return alternatives.length
    ? new RegExp(`\\.(?:${alternatives.join('|')})\\.${last ? '$' : ''}`)
    : undefined;
}

/**
 * Builds the test "does this key hold a secret?" (see `Denial`). Answers are cached (keys repeat:
 * attribute and header names), so the words of a key are worked out once.
 */
export function createKeyMatcher(rules: KeyRules): (key: string) => Denial {
  const userWords = rules.denyKeys.filter((entry): entry is string => typeof entry === 'string');
  const userRegExps = rules.denyKeys.filter((entry): entry is RegExp => typeof entry !== 'string');
  const allowed = new Set(rules.allowKeys.filter((e): e is string => typeof e === 'string').map(compactKey));
  const allowRegExps = rules.allowKeys.filter((entry): entry is RegExp => typeof entry !== 'string');
  const anywhere = wordsPattern([...ANYWHERE, ...userWords], false);
  const last = wordsPattern(LAST, true);
  const cache = new Map<string, Denial>();

  const decide = (key: string): Denial => {
    if (allowed.has(compactKey(key)) || allowRegExps.some((pattern) => testOnce(pattern, key)))
      return NOT_DENIED;
    const marked = markWords(key);
    if (
      INSIDE_WORD.test(marked) ||
      anywhere?.test(marked) ||
      userRegExps.some((pattern) => testOnce(pattern, key))
    )
      return DENIED;
    return last?.test(marked) ? DENIED_TEXT : NOT_DENIED;
  };

  return (key) => {
    let denied = cache.get(key);
    if (denied === undefined) {
      denied = decide(key);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, denied);
    }
    return denied;
  };
}

// A user's RegExp may carry the `g` or `y` flag, whose `lastIndex` would make `test` alternate.
function testOnce(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
