import type { Envelope, EnvelopeHeaders, EnvelopeItem, EnvelopeItemType } from './types';

/** Builds an envelope from its header and items. */
export function createEnvelope(headers: EnvelopeHeaders, items: EnvelopeItem[] = []): Envelope {
  return [headers, items];
}

/** A new envelope with one more item; the given envelope is left as it was. */
export function addItemToEnvelope(envelope: Envelope, item: EnvelopeItem): Envelope {
  const [headers, items] = envelope;
  return [headers, [...items, item]];
}

/**
 * Calls `callback` for each item with its type; a callback returning `true` stops the walk.
 * Returns whether the walk was stopped.
 */
export function forEachEnvelopeItem(
  envelope: Envelope,
  callback: (item: EnvelopeItem, type: EnvelopeItemType | (string & {})) => boolean | void,
): boolean {
  for (const item of envelope[1]) {
    if (callback(item, item[0].type) === true) return true;
  }
  return false;
}

/** True when the envelope has an item of one of `types`. */
export function envelopeContainsItemType(envelope: Envelope, types: readonly string[]): boolean {
  return forEachEnvelopeItem(envelope, (_item, type) => types.includes(type));
}
