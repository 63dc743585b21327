import { stringifyLogValue } from './log-attribute';

/** A message built by `logger.fmt`: reads as the formatted text, and remembers its template and values. */
export type ParameterizedString = string;

interface Parameters {
  body: string;
  template: string;
  values: unknown[];
}

// Keyed by the String object `fmt` returns, so the message itself carries no extra properties.
const parametersByMessage = new WeakMap<object, Parameters>();

/**
 * Tagged template for log messages: `logger.info(logger.fmt\`Order ${id} shipped\`)` sends the body
 * `Order 981 shipped` with `sentry.message.template` `Order %s shipped` and the value of `id` as
 * `sentry.message.parameter.0`, so that Sentry groups the logs by template.
 */
export function fmt(strings: TemplateStringsArray, ...values: unknown[]): ParameterizedString {
  let template = '';
  let body = '';
  try {
    for (let i = 0; i < strings.length; i++) {
      const part = String(strings[i]);
      template += part;
      body += part;
      if (i < values.length) {
        template += '%s';
        body += stringifyLogValue(values[i]);
      }
    }
  } catch {
    // a hostile template array: keep what was read
  }
  return parameterize(body, template, values);
}

/** A message whose body is `body`, sent with `template` and `values` as template attributes. */
export function parameterize(body: string, template: string, values: unknown[]): ParameterizedString {
  // a String object: it can be a WeakMap key and still reads as the body
  const message = new String(body);
  parametersByMessage.set(message, { body, template, values });
  return message as unknown as ParameterizedString;
}

/** The body of a message, and its template and values when `fmt` built it (with at least one value). */
export function readMessage(message: unknown): { body: string; parameters?: Parameters } {
  if (typeof message === 'string') return { body: message };
  const parameters = typeof message === 'object' && message !== null ? parametersByMessage.get(message) : undefined;
  if (!parameters) return { body: stringifyLogValue(message) };
  return parameters.values.length > 0 ? { body: parameters.body, parameters } : { body: parameters.body };
}
