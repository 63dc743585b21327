import type { ServerResponse } from 'node:http';
import type { Store } from '../store';

/** Answers with a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Answers with an attachment's bytes, as a download. */
export function sendAttachment(res: ServerResponse, attachment: ReturnType<Store['getAttachment']>): void {
  if (!attachment) return sendJson(res, 404, { detail: 'no such attachment' });
  res.writeHead(200, {
    // served as a download, never rendered: an attachment's content is whatever the app sent
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
    'x-content-type-options': 'nosniff',
  });
  res.end(attachment.data);
}
