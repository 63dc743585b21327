import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSidecar } from '../server';
import { checkInItem, envelopeBody, errorEvent } from '../test-envelopes.test-helper';
import { tail } from './tail';

describe('tail', () => {
  it('prints a line for each item that arrives at the sidecar', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sidecar-tail-'));
    const sidecar = await startSidecar({ port: 0, dataDir, engine: 'sql.js' });
    const lines: string[] = [];
    const stop = new AbortController();
    let followed!: () => void;
    const following = new Promise<void>((done) => (followed = done));
    const tailing = tail({
      url: sidecar.url,
      signal: stop.signal,
      write: (line) => {
        lines.push(line);
        if (line.startsWith('following')) followed();
      },
    });
    try {
      await following;
      await fetch(`${sidecar.url}/api/1/envelope/`, {
        method: 'POST',
        body: envelopeBody([[{ type: 'event' }, errorEvent({ type: 'TailError' })]]),
      });
      await fetch(`${sidecar.url}/api/1/envelope/`, {
        method: 'POST',
        body: envelopeBody([checkInItem('tail-job', 'ok')]),
      });
      await expect.poll(() => lines.length, { timeout: 5000 }).toBe(3);
      expect(lines[1]).toMatch(
        /^\d\d:\d\d:\d\d event\s+error\s+TailError: x is undefined {2}\(issue [0-9a-f]{16}\)$/,
      );
      expect(lines[2]).toMatch(/^\d\d:\d\d:\d\d check_in\s+ok\s+tail-job$/);
    } finally {
      stop.abort();
      await tailing;
      await sidecar.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says so and retries when the sidecar cannot be reached', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const tailing = tail({
      url: 'http://127.0.0.1:9',
      signal: stop.signal,
      retryMs: 10,
      write: (line) => lines.push(line),
    });
    await expect.poll(() => lines.length).toBeGreaterThanOrEqual(2);
    stop.abort();
    await tailing;
    expect(lines[0]).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:9 \(.+\); retrying$/);
  });
});
