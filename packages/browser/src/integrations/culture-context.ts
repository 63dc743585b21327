import type { Integration } from '@sentry-sdk/core';

const NAME = 'CultureContext';

function readCulture(): Record<string, string> | undefined {
  try {
    const resolved = Intl.DateTimeFormat().resolvedOptions();
    const culture: Record<string, string> = {};
    if (resolved.locale) culture['locale'] = resolved.locale;
    if (resolved.timeZone) culture['timezone'] = resolved.timeZone;
    if (resolved.calendar) culture['calendar'] = resolved.calendar;
    return Object.keys(culture).length ? culture : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adds the `culture` context (protocol.md §5.7): the locale, time zone and calendar the browser
 * formats dates with, read once at setup. A `culture` context the event has wins.
 */
export function cultureContextIntegration(): Integration {
  let culture: Record<string, string> | undefined;
  return {
    name: NAME,
    setup() {
      culture = readCulture();
    },
    preprocessEvent(event) {
      if (!culture) return;
      event.contexts = { ...event.contexts, culture: { ...culture, ...event.contexts?.['culture'] } };
    },
  };
}
