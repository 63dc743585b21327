/** Anything `h` accepts as a child: text is always inserted as text, never parsed as markup. */
export type Child = Node | string | number | null | undefined | false | Child[];

type Attributes = Record<string, string | number | boolean | undefined | null | ((event: Event) => void)>;

/** Creates an element; attributes starting with `on` are listeners, the rest attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children (nested arrays flattened, empty values skipped). */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A value as text: strings as they are, everything else as JSON (objects indented). */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return value.toString();
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return '[unserializable]';
  }
}

/** A two-column table of an object's entries; undefined for an empty or missing object. */
export function keyValueTable(value: unknown, className = 'kv'): HTMLElement | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return undefined;
  return h(
    'table',
    { class: className },
    h(
      'tbody',
      null,
      entries.map(([key, entry]) =>
        h('tr', null, h('th', null, key), h('td', null, h('code', null, toText(entry)))),
      ),
    ),
  );
}

/** A titled section, or nothing when it has no content. */
export function section(title: string, ...content: Child[]): HTMLElement | undefined {
  const present = content.filter((child) => child !== undefined && child !== null && child !== false);
  if (present.length === 0) return undefined;
  return h('section', { class: 'panel' }, h('h2', null, title), present);
}

/** A `<a href="#/...">` link to a view of the UI. */
export function link(path: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href: `#${path}` }, children);
}

/** A small coloured label for a level or status. */
export function badge(text: string | null | undefined): HTMLElement | undefined {
  return text ? h('span', { class: `badge badge-${text.replace(/[^a-z_]/gi, '')}` }, text) : undefined;
}

/** A message for an empty list. */
export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

/** Replaces an element's content (empty values skipped). */
export function setContent(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, children);
}
