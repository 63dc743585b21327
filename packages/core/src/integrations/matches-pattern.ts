import { isRegExp, isString } from '../lib';

/**
 * True when `value` contains a string pattern or matches a RegExp pattern. Other entries are
 * ignored. `String.prototype.search` neither reads nor moves a global RegExp's `lastIndex`,
 * so a user's `/x/g` matches the same way every time.
 */
export function matchesSomePattern(value: string, patterns: readonly unknown[]): boolean {
  for (const pattern of patterns) {
    try {
      if (isString(pattern) ? value.includes(pattern) : isRegExp(pattern) && value.search(pattern) !== -1) return true;
    } catch {
      // a hostile pattern (throwing Symbol.search) matches nothing
    }
  }
  return false;
}
