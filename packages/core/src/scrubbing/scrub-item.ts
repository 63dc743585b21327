import { FILTERED } from './value-patterns';
import {
  filteredValue,
  isPassThroughKey,
  mapEntries,
  mapItems,
  scrubData,
  type Scrubber,
} from './scrub-data';

// Top-level fields that hold no user data; `modules` names packages such as `express-session`.
const SKIPPED_FIELDS = new Set(['sdk', 'modules', 'debug_meta', 'measurements', 'breakdowns', '_meta']);

/**
 * An event, transaction, feedback, check-in or v1 span with secrets filtered. Its own fields and
 * the names of its contexts are the protocol's, so only what they hold is matched against keys.
 */
export function scrubEventLike<T extends object>(event: T, scrubber: Scrubber): T {
  return mapEntries(event, (field, value) => {
    if (SKIPPED_FIELDS.has(field) || isPassThroughKey(field)) return value;
    if (field === 'contexts' && isObject(value)) {
      // a context stays an object (Relay's schema): only its fields are matched
      return mapEntries(value, (_name, context) => scrubData(context, scrubber, 1));
    }
    return scrubData(value, scrubber, 1);
  });
}

/** A `log` item (or v2 `span` container): each entry's body and typed attributes scrubbed. */
export function scrubContainer<T extends object>(container: T, scrubber: Scrubber): T {
  return mapEntries(container, (field, value) =>
    field === 'items' && Array.isArray(value)
      ? mapItems(value as unknown[], (entry) => (isObject(entry) ? scrubTypedRecord(entry, scrubber) : entry))
      : value,
  );
}

function scrubTypedRecord(record: object, scrubber: Scrubber): object {
  return mapEntries(record, (field, value) => {
    if (field === 'attributes' && isObject(value)) return scrubTypedAttributes(value, scrubber);
    // a body or name is scrubbed only as text, `data` at any depth
    const scrubbed = field === 'data' || ((field === 'body' || field === 'name') && typeof value === 'string');
    return scrubbed ? scrubData(value, scrubber, 1) : value;
  });
}

/** `{ key: { type, value } }` attributes: a denied key's value becomes the string `[Filtered]`. */
function scrubTypedAttributes(attributes: object, scrubber: Scrubber): object {
  return mapEntries(attributes, (key, attribute) => {
    if (!isObject(attribute) || isPassThroughKey(key)) return attribute;
    const value = (attribute as { value?: unknown }).value;
    const denial = scrubber.denialOf(key);
    if (denial)
      return filteredValue(value, denial) === value ? attribute : { type: 'string', value: FILTERED };
    const scrubbed = scrubData(value, scrubber, 2);
    return scrubbed === value ? attribute : { ...attribute, value: scrubbed };
  });
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
