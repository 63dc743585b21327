import { describe, expect, it } from 'vitest';
import { getUrlParts, relativeToOrigin } from './url-parts';

describe('getUrlParts', () => {
  it('splits address, query and fragment', () => {
    expect(getUrlParts('https://shop.test/cart?item=3&page=2#summary')).toEqual({
      url: 'https://shop.test/cart',
      query: 'item=3&page=2',
      fragment: 'summary',
    });
    expect(getUrlParts('/api/items')).toEqual({ url: '/api/items' });
  });

  it('filters credentials and the values of sensitive query keys', () => {
    expect(getUrlParts('https://ana:hunter2@api.test/v1?access_token=abc&q=shoes&X-Api-Key=1')).toEqual({
      url: 'https://[Filtered]:[Filtered]@api.test/v1',
      query: 'access_token=[Filtered]&q=shoes&X-Api-Key=[Filtered]',
    });
  });
});

describe('relativeToOrigin', () => {
  it('shortens same-origin URLs only', () => {
    expect(relativeToOrigin('http://127.0.0.1:8080/a/b', 'http://127.0.0.1:8080')).toBe('/a/b');
    expect(relativeToOrigin('http://other.test/a', 'http://127.0.0.1:8080')).toBe('http://other.test/a');
  });
});
