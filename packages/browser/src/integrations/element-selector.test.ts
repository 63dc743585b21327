import { describe, expect, it } from 'vitest';
import { getComponentName, getElementSelector } from './element-selector';

interface FakeElement {
  tagName: string;
  id?: string;
  className?: unknown;
  parentNode?: FakeElement | null;
  attributes?: Record<string, string>;
  getAttribute(name: string): string | null;
}

function element(tagName: string, props: Partial<Omit<FakeElement, 'getAttribute'>> = {}): FakeElement {
  const attributes = props.attributes ?? {};
  return { tagName, className: '', ...props, getAttribute: (name) => attributes[name] ?? null };
}

const html = element('HTML');
const body = element('BODY', { parentNode: html });
const form = element('FORM', { id: 'login', className: 'card dark', parentNode: body });
const button = element('BUTTON', { className: 'primary', attributes: { type: 'submit' }, parentNode: form });

describe('getElementSelector', () => {
  it('describes the target and its ancestors, innermost last, up to <html>', () => {
    expect(getElementSelector(button)).toBe('body > form#login.card.dark > button.primary[type="submit"]');
  });

  it('drops outer ancestors first to stay within the maximum length', () => {
    expect(getElementSelector(button, { maxLength: 40 })).toBe('button.primary[type="submit"]');
    expect(getElementSelector(button, { maxLength: 55 })).toBe(
      'form#login.card.dark > button.primary[type="submit"]',
    );
  });

  it('truncates a target that alone is longer than the maximum', () => {
    const long = element('DIV', { className: 'x'.repeat(200) });
    expect(getElementSelector(long, { maxLength: 20 })).toHaveLength(20);
  });

  it('keeps data-testid and quotes attribute values', () => {
    const input = element('INPUT', {
      attributes: { 'data-testid': 'email "field"', name: 'email' },
      parentNode: form,
    });
    expect(getElementSelector(input)).toBe(
      'body > form#login.card.dark > input[data-testid="email \\"field\\""][name="email"]',
    );
  });

  it('names elements by data-sentry-component', () => {
    const card = element('DIV', { attributes: { 'data-sentry-component': 'LoginCard' }, parentNode: body });
    const link = element('A', { className: 'forgot', parentNode: card });
    expect(getElementSelector(link)).toBe('body > LoginCard > a.forgot');
    expect(getComponentName(link)).toBe('LoginCard');
    expect(getComponentName(button)).toBeUndefined();
  });

  it('uses only the configured key attributes when an element has them', () => {
    const item = element('LI', {
      id: 'x',
      className: 'row',
      attributes: { 'data-qa': 'cart-item' },
      parentNode: body,
    });
    expect(getElementSelector(item, { keyAttributes: ['data-qa'] })).toBe('body > li[data-qa="cart-item"]');
  });

  it('reads SVG classes from the attribute', () => {
    const svg = element('svg', {
      className: { baseVal: 'icon' },
      attributes: { class: 'icon big' },
      parentNode: button,
    });
    expect(getElementSelector(svg, { maxLength: 200 })).toMatch(/> svg\.icon\.big$/);
  });

  it('never throws on hostile or missing targets', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no');
        },
      },
    );
    expect(getElementSelector(hostile)).toBe('<unknown>');
    expect(getElementSelector(null)).toBe('<unknown>');
    expect(getElementSelector({ nodeType: 9 })).toBe('<unknown>');
  });
});
