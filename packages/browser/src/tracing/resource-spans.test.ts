import { describe, expect, it } from 'vitest';
import { getResourceSpan } from './resource-spans';

const ORIGIN = 'http://127.0.0.1:8080';

function entry(fields: Record<string, unknown>): PerformanceResourceTiming {
  return {
    name: `${ORIGIN}/app.js?v=3`,
    initiatorType: 'script',
    startTime: 20,
    duration: 30,
    responseEnd: 50,
    transferSize: 1300,
    encodedBodySize: 1000,
    decodedBodySize: 4000,
    nextHopProtocol: 'http/1.1',
    renderBlockingStatus: 'blocking',
    ...fields,
  } as unknown as PerformanceResourceTiming;
}

describe('getResourceSpan', () => {
  it('maps a same-origin script to resource.script with its path, sizes and render-blocking status', () => {
    expect(getResourceSpan(entry({}), ORIGIN)).toEqual({
      op: 'resource.script',
      name: '/app.js?v=3',
      start: 20,
      end: 50,
      attributes: {
        'http.response_transfer_size': 1300,
        'http.response_content_length': 1000,
        'http.decoded_response_content_length': 4000,
        'resource.render_blocking_status': 'blocking',
        'network.protocol.name': 'http/1.1',
        'server.address': '127.0.0.1:8080',
        'url.same_origin': true,
      },
    });
  });

  it('keeps the full URL of another origin, whose unknown sizes (0) are left out', () => {
    const span = getResourceSpan(
      entry({
        name: 'https://cdn.example/logo.png',
        initiatorType: 'img',
        transferSize: 0,
        encodedBodySize: 0,
        decodedBodySize: 0,
        renderBlockingStatus: undefined,
      }),
      ORIGIN,
    );
    expect(span).toMatchObject({ op: 'resource.img', name: 'https://cdn.example/logo.png' });
    expect(span?.attributes).toMatchObject({
      'url.same_origin': false,
      'http.response_content_length': undefined,
    });
  });

  it('skips fetch, XHR and beacon requests, which have http.client spans', () => {
    for (const initiatorType of ['fetch', 'xmlhttprequest', 'beacon']) {
      expect(getResourceSpan(entry({ initiatorType }), ORIGIN)).toBeUndefined();
    }
  });

  it('calls an entry without initiator type resource.other', () => {
    expect(getResourceSpan(entry({ initiatorType: '' }), ORIGIN)?.op).toBe('resource.other');
  });
});
