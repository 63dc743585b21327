/**
 * The add-on file beside the bundles that holds an integration: `httpClientIntegration` is in
 * `http-client.min.js` (built from `lazy/http-client.ts`). Undefined for a name of another shape.
 */
export function getLazyIntegrationFile(name: string): string | undefined {
  return /^[a-z][A-Za-z]*Integration$/.test(name)
    ? `${name.slice(0, -'Integration'.length).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.min.js`
    : undefined;
}

/** The global the bundles define, where add-on files put their integration. */
export function getSentryGlobal(): Record<string, unknown> {
  const holder = globalThis as { Sentry?: unknown };
  if (holder.Sentry === null || (typeof holder.Sentry !== 'object' && typeof holder.Sentry !== 'function')) {
    holder.Sentry = {};
  }
  return holder.Sentry as Record<string, unknown>;
}
