import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { breadcrumbsOf, requireService, SERVICES, spansWithOp, uniqueName } from '../db-lib/services';
import { runDbSubject } from '../db-lib/run-db-subject';

const here = import.meta.dirname;
let ingest: IngestServer;
beforeAll(() => requireService(SERVICES.redis));
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(() => ingest.close());

async function runCommands(script: string, env: Record<string, string> = {}) {
  const prefix = uniqueName('sentry_e2e_redis');
  const { seen, transaction, event } = await runDbSubject(join(here, script), ingest, 'redis', {
    PREFIX: prefix,
    ...env,
  });
  return { prefix, seen, spans: spansWithOp(transaction, 'db.redis'), event };
}

describe('ioredis (6 and 5) and node-redis against the real Redis', () => {
  for (const script of ['subject.cjs', 'subject.mjs']) {
    it(`${script}: a db.redis span and a breadcrumb per command, keys shown, values never`, async () => {
      const { prefix, seen, spans, event } = await runCommands(script);
      expect(seen).toEqual({
        ioGet: 'io-secret',
        ioFailed: 'ERR',
        io5Failed: 'ERR',
        nodeGet: 'node-secret',
        nodeFailed: 'ERR',
      });
      const key = (name: string): string => `${prefix}:${name}`;
      expect(spans.map((span) => [span.description, span.data['sentry.origin']])).toEqual([
        [`SET ${key('io')} ?`, 'auto.db.ioredis'],
        [`GET ${key('io')}`, 'auto.db.ioredis'],
        [`HSET ${key('hash')} field ?`, 'auto.db.ioredis'],
        // a pipeline's commands, one span each
        [`SET ${key('pipe')} ?`, 'auto.db.ioredis'],
        [`GET ${key('pipe')}`, 'auto.db.ioredis'],
        // a transaction: ioredis's MULTI batch, then the commands it sends
        ['MULTI', 'auto.db.ioredis'],
        ['MULTI', 'auto.db.ioredis'],
        [`INCR ${key('counter')}`, 'auto.db.ioredis'],
        ['EXEC', 'auto.db.ioredis'],
        ['NOSUCHCOMMAND ?', 'auto.db.ioredis'],
        // ioredis 5, patched: the same shapes
        [`SET ${key('io5')} ?`, 'auto.db.ioredis'],
        [`GET ${key('io5')}`, 'auto.db.ioredis'],
        [`DEL ${key('io5')}`, 'auto.db.ioredis'],
        ['NOSUCHCOMMAND', 'auto.db.ioredis'],
        [`SET ${key('node')} ?`, 'auto.db.redis'],
        [`GET ${key('node')}`, 'auto.db.redis'],
        [`MSET ${key('a')} ? ${key('b')} ?`, 'auto.db.redis'],
        ['MULTI', 'auto.db.redis'],
        ['PIPELINE', 'auto.db.redis'],
        ['NOSUCHCOMMAND', 'auto.db.redis'],
      ]);
      for (const span of spans) {
        expect(span.data).toMatchObject({
          'db.system': 'redis',
          'server.address': '127.0.0.1',
          'server.port': 6379,
        });
      }
      expect(spans[17]?.data).toMatchObject({
        'db.operation.name': 'MULTI',
        'db.operation.batch.size': 2,
        'db.query.text': `SET ${key('multi')} ?\nGET ${key('multi')}`,
      });
      expect(spans[18]?.data).toMatchObject({
        'db.operation.name': 'PIPELINE',
        'db.operation.batch.size': 2,
      });
      expect(
        spans.filter((span) => span.status === 'internal_error').map((span) => span.description),
      ).toEqual(['NOSUCHCOMMAND ?', 'NOSUCHCOMMAND', 'NOSUCHCOMMAND']);
      const sent = JSON.stringify(ingest.received.map(({ body }) => body.toString('utf8')));
      expect(sent).not.toMatch(/-secret/);
      const commands = breadcrumbsOf(event)
        .filter((crumb) => crumb.category === 'redis')
        .map((crumb) => crumb.message);
      expect(commands).toEqual(
        expect.arrayContaining([`SET ${key('io')} ?`, `SET ${key('node')} ?`, 'PIPELINE']),
      );
      // the clients' own handshakes leave no breadcrumbs
      expect(commands.filter((command) => /^(HELLO|CLIENT|INFO)\b/.test(command ?? ''))).toEqual([]);
    });
  }

  it('with sendDefaultPii, node-redis and ioredis 5 commands show their values (ioredis 6 hands over sanitized ones only)', async () => {
    const { prefix, spans } = await runCommands('subject.cjs', { SEND_PII: '1' });
    const descriptions = spans.map((span) => span.description);
    expect(descriptions).toContain(`SET ${prefix}:node node-secret`);
    expect(descriptions).toContain(`SET ${prefix}:io ?`);
    expect(descriptions).toContain(`SET ${prefix}:io5 io5-secret`);
  });
});
