import { copyArray, debug, DEBUG_BUILD, isRegExp, readProperty } from '../lib';
import { createKeyMatcher } from './key-matcher';
import type { Scrubber } from './scrub-data';
import { createValueScrubber } from './value-patterns';

/** The `scrubbing` option: what deep scrubbing filters besides its defaults. */
export interface ScrubbingOptions {
  /**
   * More keys whose values are replaced by `[Filtered]`. A string matches keys holding it as
   * whole words, in any case and with any separators (`'pin'` matches `userPin` and `user-pin`);
   * a RegExp is tested on the key as it is.
   */
  denyKeys?: (string | RegExp)[];
  /** Keys never filtered, even when they match a deny rule (strings: case and separators ignored). */
  allowKeys?: (string | RegExp)[];
  /** More patterns masked inside any string value (a string is matched literally). */
  patterns?: (string | RegExp)[];
}

type Entry = string | RegExp;

/**
 * Reads the `scrubbing` option once, at init: `false` turns scrubbing off (`undefined` is
 * returned), `true` or absent keeps the defaults, an object adds to them. Ill-typed entries are
 * reported by name and skipped.
 */
export function createScrubber(option: unknown): Scrubber | undefined {
  if (option === false) return undefined;
  const denialOf = createKeyMatcher(readEntries(option, 'denyKeys'), readEntries(option, 'allowKeys'));
  const patterns = readEntries(option, 'patterns').flatMap(toGlobalRegExp);
  return { denialOf, scrubString: createValueScrubber(denialOf, patterns) };
}

function readEntries(option: unknown, name: keyof ScrubbingOptions): Entry[] {
  const value = readProperty(option, name);
  if (DEBUG_BUILD && value !== undefined && !Array.isArray(value))
    debug.warn(`Option \`scrubbing.${name}\` must be an array of strings or RegExps; ignored.`);
  // anything but an array reads as no entries
  return copyArray(value).filter((entry, index): entry is Entry => {
    const ok = (typeof entry === 'string' && entry !== '') || isRegExp(entry);
    if (!ok && DEBUG_BUILD)
      debug.warn(`Option \`scrubbing.${name}\`[${index}] must be a non-empty string or a RegExp; ignored.`);
    return ok;
  });
}

// `replace` must find every match: each pattern is made global once, here.
function toGlobalRegExp(entry: Entry): RegExp[] {
  try {
    if (typeof entry === 'string') return [new RegExp(entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')];
    return [new RegExp(entry.source, `${entry.flags.replace('g', '')}g`)];
  } catch {
    DEBUG_BUILD && debug.warn('Option `scrubbing.patterns`: a pattern could not be read; ignored.');
    return [];
  }
}
