import { badge, h, keyValueTable, toText, type Child } from '../dom';
import { asArray, asObject } from '../payload';

type Frame = Record<string, unknown>;

/** One exception: type, value, mechanism and its frames, the throwing frame first. */
export function renderException(exception: Record<string, unknown>): HTMLElement {
  const mechanism = asObject(exception['mechanism']);
  const frames = asArray(asObject(exception['stacktrace'])?.['frames'])
    .map(asObject)
    .filter((frame): frame is Frame => frame !== undefined);
  return h(
    'div',
    { class: 'exception' },
    h(
      'h3',
      null,
      h('span', { class: 'exception-type' }, text(exception['type']) ?? 'Error'),
      text(exception['value']) ? `: ${text(exception['value'])}` : '',
    ),
    mechanism
      ? h(
          'p',
          { class: 'mechanism' },
          'mechanism ',
          h('code', null, text(mechanism['type']) ?? '?'),
          ' ',
          badge(mechanism['handled'] === false ? 'unhandled' : 'handled'),
        )
      : undefined,
    frames.length === 0
      ? h('p', { class: 'muted' }, 'No stack trace.')
      : h(
          'ol',
          { class: 'frames' },
          [...frames].reverse().map((frame, index) => renderFrame(frame, index === 0)),
        ),
  );
}

function renderFrame(frame: Frame, isTop: boolean): HTMLElement {
  const inApp = frame['in_app'] === true;
  const location = [
    text(frame['filename']) ?? text(frame['abs_path']) ?? text(frame['module']) ?? '?',
    frame['lineno'],
    frame['colno'],
  ]
    .filter((part) => part !== undefined && part !== null)
    .map(toText)
    .join(':');
  const context = renderContext(frame);
  const vars = keyValueTable(frame['vars'], 'kv vars');
  return h(
    'li',
    { class: `frame ${inApp ? 'in-app' : 'system'}` },
    h(
      'details',
      { open: inApp && (isTop || context !== undefined) },
      h(
        'summary',
        null,
        h('span', { class: 'function' }, text(frame['function']) ?? '?'),
        ' ',
        h('span', { class: 'location' }, location),
        inApp ? h('span', { class: 'in-app-label' }, 'in app') : undefined,
      ),
      context ?? h('p', { class: 'muted' }, 'No source context.'),
      vars ? h('div', { class: 'frame-vars' }, h('h4', null, 'Local variables'), vars) : undefined,
    ),
  );
}

/** The lines around the frame's line, when the SDK sent them (Node's context lines). */
function renderContext(frame: Frame): HTMLElement | undefined {
  const line = text(frame['context_line']) ?? (typeof frame['context_line'] === 'string' ? '' : undefined);
  if (line === undefined) return undefined;
  const pre = asArray(frame['pre_context']).map((entry) => toText(entry));
  const post = asArray(frame['post_context']).map((entry) => toText(entry));
  const lineno = typeof frame['lineno'] === 'number' ? frame['lineno'] : undefined;
  const row = (content: string, offset: number, current = false): Child =>
    h(
      'div',
      { class: current ? 'line current' : 'line' },
      h('span', { class: 'lineno' }, lineno === undefined ? '' : lineno + offset),
      h('code', null, content),
    );
  return h(
    'pre',
    { class: 'context' },
    pre.map((content, index) => row(content, index - pre.length)),
    row(line, 0, true),
    post.map((content, index) => row(content, index + 1)),
  );
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
