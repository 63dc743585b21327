/** How an element is described in `ui.click`/`ui.input` breadcrumbs. */
export interface ElementSelectorOptions {
  /** Longest selector kept, in characters (default 80); outer ancestors are dropped first. */
  maxLength?: number | undefined;
  /** Attributes that identify an element better than its id and classes (e.g. `data-qa`). */
  keyAttributes?: string[] | undefined;
}

const MAX_DEPTH = 5;
const SEPARATOR = ' > ';
// Attributes that say what an element is for, kept when present.
const DESCRIPTIVE_ATTRIBUTES = ['data-testid', 'type', 'name', 'title', 'alt', 'aria-label'];

interface ElementLike {
  tagName?: unknown;
  id?: unknown;
  className?: unknown;
  parentNode?: unknown;
  getAttribute?(name: string): string | null;
}

function attribute(element: ElementLike, name: string): string | undefined {
  const value = typeof element.getAttribute === 'function' ? element.getAttribute(name) : null;
  return typeof value === 'string' && value ? value : undefined;
}

/** `[name="value"]` for each of `names` that the element has. */
function attributeSelectors(element: ElementLike, names: string[]): string {
  let text = '';
  for (const name of names) {
    const value = attribute(element, name);
    if (value !== undefined) text += `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
  }
  return text;
}

function describeElement(element: ElementLike, keyAttributes: string[]): string {
  const component = attribute(element, 'data-sentry-component');
  if (component) return component;
  const tag = typeof element.tagName === 'string' ? element.tagName.toLowerCase() : '';
  if (!tag) return '';
  const keyed = attributeSelectors(element, keyAttributes);
  if (keyed) return tag + keyed;

  let text = tag;
  if (typeof element.id === 'string' && element.id) text += `#${element.id}`;
  // SVG elements have an SVGAnimatedString as className; use the attribute there.
  const classes =
    typeof element.className === 'string' ? element.className : (attribute(element, 'class') ?? '');
  for (const name of classes.split(/\s+/)) if (name) text += `.${name}`;
  return text + attributeSelectors(element, DESCRIPTIVE_ATTRIBUTES);
}

/**
 * A CSS-like selector of an element and up to four ancestors, innermost last
 * (`div#app > form.login > button[type="submit"]`). An element with `data-sentry-component`
 * is named by it. Never throws: a hostile or detached element gives `<unknown>`.
 */
export function getElementSelector(target: unknown, options: ElementSelectorOptions = {}): string {
  const maxLength = options.maxLength ?? 80;
  const keyAttributes = options.keyAttributes ?? [];
  try {
    const parts: string[] = [];
    let length = 0;
    let current = target as ElementLike | null | undefined;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      const part = describeElement(current, keyAttributes);
      if (!part || part === 'html') break;
      const added = part.length + (parts.length ? SEPARATOR.length : 0);
      // The target itself is always kept (truncated if need be); ancestors only while they fit.
      if (parts.length && length + added > maxLength) break;
      parts.unshift(part);
      length += added;
      current = current.parentNode as ElementLike | null | undefined;
    }
    const selector = parts.join(SEPARATOR);
    return selector ? selector.slice(0, Math.max(1, maxLength)) : '<unknown>';
  } catch {
    return '<unknown>';
  }
}

/** The nearest `data-sentry-component` name of the element or its ancestors, if any. */
export function getComponentName(target: unknown): string | undefined {
  try {
    let current = target as ElementLike | null | undefined;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      const name = attribute(current, 'data-sentry-component');
      if (name) return name;
      current = current.parentNode as ElementLike | null | undefined;
    }
  } catch {
    // a hostile element has no component name
  }
  return undefined;
}
