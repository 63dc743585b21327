import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureEvent } from '@sentry-sdk/core';
import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { addContextToFrame, contextLinesIntegration, snipLine } from './context-lines';

afterEach(() => {
  vi.unstubAllGlobals();
});

const LINES = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];

describe('addContextToFrame', () => {
  it('takes the lines around a 1-based line number, fewer at the edges', () => {
    const frame = { lineno: 2 };
    addContextToFrame(LINES, frame, 2);
    expect(frame).toEqual({ lineno: 2, pre_context: ['l1'], context_line: 'l2', post_context: ['l3', 'l4'] });
  });

  it('leaves frames alone whose line is not in the page', () => {
    const frame = { lineno: 9 };
    addContextToFrame(LINES, frame, 2);
    expect(frame).toEqual({ lineno: 9 });
  });
});

describe('snipLine', () => {
  it('keeps short lines and cuts long ones around the column', () => {
    expect(snipLine('short', 3)).toBe('short');
    const long = `${'a'.repeat(300)}THROW${'b'.repeat(300)}`;
    const cut = snipLine(long, 301);
    expect(cut).toMatch(/^\{snip\} a+THROWb+ \{snip\}$/);
    expect(cut.length).toBe(140 + '{snip} '.length * 2);
    expect(snipLine(long, 1).startsWith('aaa')).toBe(true);
  });
});

describe('contextLinesIntegration', () => {
  const PAGE = 'https://shop.example/cart?step=2';
  const frameAt = (lineno: number, colno: number) => ({
    exception: {
      values: [
        {
          type: 'Error',
          value: 'declined',
          stacktrace: {
            frames: [
              { filename: 'https://shop.example/app.js', function: 'main', lineno: 3, colno: 1 },
              { filename: PAGE, function: 'pay', lineno, colno },
            ],
          },
        },
      ],
    },
  });

  /** What the browser gives back for `source`: the parser drops the line breaks before `<head>`. */
  async function inlineFrameOf(
    source: string[],
    lineno: number,
    colno: number,
  ): Promise<Record<string, unknown> | undefined> {
    const outerHTML = source
      .join('\n')
      .replace(/^<!doctype html>\s*/i, '')
      .replace(/(<html[^>]*>)\s*(<head>)/, '$1$2');
    vi.stubGlobal('location', { href: `${PAGE}#summary` });
    vi.stubGlobal('document', { doctype: { name: 'html' }, documentElement: { outerHTML } });
    const { events } = await withCapturedEnvelopes(() => captureEvent(frameAt(lineno, colno)), {
      integrations: [contextLinesIntegration({ frameContextLines: 2 })],
    });
    const [fileFrame, inlineFrame] = events[0]?.exception?.values?.[0]?.stacktrace?.frames ?? [];
    expect(fileFrame).not.toHaveProperty('context_line');
    return inlineFrame as Record<string, unknown> | undefined;
  }

  it('adds the lines of a conventionally formatted page to frames of inline scripts only', async () => {
    const source = [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<script>',
      'function pay() {',
      "  throw new Error('declined');",
      '}',
      '</script>',
      '</head><body></body>',
      '</html>',
    ];
    expect(await inlineFrameOf(source, 6, 3)).toMatchObject({
      pre_context: ['<script>', 'function pay() {'],
      context_line: "  throw new Error('declined');",
      post_context: ['}', '</script>'],
    });
  });

  it('finds the line of a page written on one line', async () => {
    const line =
      "<!doctype html><html><head><script>function pay() { throw new Error('declined'); }</script></head><body></body></html>";
    expect(await inlineFrameOf([line], 1, line.indexOf('throw') + 1)).toMatchObject({
      pre_context: [],
      context_line: `<!DOCTYPE html>${line.slice('<!doctype html>'.length)}`,
      post_context: [],
    });
  });
});
