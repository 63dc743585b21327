import type { TransportMakeRequestResponse, TransportRequestExecutor } from '@sentry-sdk/core';
import { native } from '../native';
import { createTransportResponse } from './create-transport-response';

/**
 * Sends envelopes with XMLHttpRequest, for the rare browser without `fetch`. Uses the unpatched
 * `open`/`send`, so the SDK's own requests make no breadcrumbs. Rejects when no response came.
 */
export function makeXhrRequest(
  url: string,
  headers: Record<string, string> = {},
): TransportRequestExecutor | undefined {
  const Xhr = native.XMLHttpRequest;
  const open = native.xhrOpen;
  const send = native.xhrSend;
  if (!Xhr || !open || !send) return undefined;
  return ({ body }) =>
    new Promise<TransportMakeRequestResponse>((resolve, reject) => {
      const xhr = new Xhr();
      xhr.onreadystatechange = () => {
        if (xhr.readyState !== 4) return;
        if (xhr.status === 0) {
          reject(new Error('The envelope request failed (XMLHttpRequest status 0).'));
          return;
        }
        resolve(createTransportResponse(xhr.status, (name) => xhr.getResponseHeader(name)));
      };
      open.call(xhr, 'POST', url, true);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      send.call(xhr, body as XMLHttpRequestBodyInit);
    });
}
