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
function wordsPattern(entries: readonly string[], end: '' | '$'): RegExp {
  const alternatives = entries.map((entry) => compactKey(entry).split('').join('\\.?')).filter(Boolean);
  return new RegExp(`\\.(?:${alternatives.join('|')})\\.${end}`);
}

/**
 * Builds the test "does this key hold a secret?" (see `Denial`): the defaults and the user's deny
 * list, less the allow list. Answers are cached (keys repeat: attribute and header names), so the
 * words of a key are worked out once.
 */
export function createKeyMatcher(
  denyKeys: readonly (string | RegExp)[],
  allowKeys: readonly (string | RegExp)[],
): (key: string) => Denial {
  const anywhere = wordsPattern([...ANYWHERE, ...denyKeys.filter(isString)], '');
  const last = wordsPattern(LAST, '$');
  const allowed = new Set(allowKeys.filter(isString).map(compactKey));
  const cache = new Map<string, Denial>();

  const decide = (key: string): Denial => {
    if (allowed.has(compactKey(key)) || someRegExpMatches(allowKeys, key)) return NOT_DENIED;
    const marked = markWords(key);
    if (INSIDE_WORD.test(marked) || anywhere.test(marked) || someRegExpMatches(denyKeys, key)) return DENIED;
    return last.test(marked) ? DENIED_TEXT : NOT_DENIED;
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

function isString(entry: string | RegExp): entry is string {
  return typeof entry === 'string';
}

// A user's RegExp may carry the `g` or `y` flag, whose `lastIndex` would make `test` alternate.
function someRegExpMatches(entries: readonly (string | RegExp)[], key: string): boolean {
  return entries.some((entry) => {
    if (isString(entry)) return false;
    entry.lastIndex = 0;
    return entry.test(key);
  });
}
