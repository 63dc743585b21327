import { describe, expect, it } from 'vitest';
import { getNavigationName } from './history-navigation';

const at = (path: string): string => `http://127.0.0.1:8080${path}`;

describe('getNavigationName', () => {
  it('names a pushState or back/forward to another path or query after the new path', () => {
    expect(getNavigationName({ from: at('/'), to: at('/users/7?tab=1'), method: 'pushState' }, false)).toBe(
      '/users/7',
    );
    expect(
      getNavigationName({ from: at('/list?page=1'), to: at('/list?page=2'), method: 'popstate' }, false),
    ).toBe('/list');
  });

  it('counts replaceState only when the path changes', () => {
    expect(
      getNavigationName({ from: at('/list?page=1'), to: at('/list?page=2'), method: 'replaceState' }, false),
    ).toBeUndefined();
    expect(getNavigationName({ from: at('/login'), to: at('/home'), method: 'replaceState' }, false)).toBe(
      '/home',
    );
  });

  it('ignores hash-only changes unless hash routing is chosen, which keeps the hash in the name', () => {
    const change = { from: at('/#/cart'), to: at('/#/checkout'), method: 'popstate' as const };
    expect(getNavigationName(change, false)).toBeUndefined();
    expect(getNavigationName(change, true)).toBe('/#/checkout');
  });

  it('gives nothing for a URL it cannot read', () => {
    expect(getNavigationName({ from: at('/'), to: 'not a url', method: 'pushState' }, false)).toBeUndefined();
  });
});
