import { describe, expect, it } from 'vitest';
import { toRedisBatchOperation, toRedisOperation } from './redis-operation';

const connection = { origin: 'auto.db.redis', host: '127.0.0.1', port: 6379, database: 2 };

describe('toRedisOperation', () => {
  it('describes a command with its keys, and where it ran', () => {
    expect(toRedisOperation(connection, { name: 'set', args: ['user:1', 'Ada'] }, false)).toEqual({
      op: 'db.redis',
      origin: 'auto.db.redis',
      description: 'SET user:1 ?',
      breadcrumb: true,
      breadcrumbCategory: 'redis',
      attributes: {
        'db.system': 'redis',
        'db.namespace': '2',
        'server.address': '127.0.0.1',
        'server.port': 6379,
        'db.operation.name': 'SET',
        'db.query.text': 'SET user:1 ?',
      },
    });
  });

  it('leaves no breadcrumb for a handshake command', () => {
    expect(toRedisOperation(connection, { name: 'hello', args: ['3'] }, false).breadcrumb).toBe(false);
    expect(toRedisOperation(connection, { name: 'client', args: ['SETNAME', 'x'] }, false).breadcrumb).toBe(
      false,
    );
  });
});

describe('toRedisBatchOperation', () => {
  it('is one operation for a whole pipeline, listing its first ten commands', () => {
    const commands = Array.from({ length: 12 }, (_, i) => ({ name: 'SET', args: [`k${i}`, 'v'] }));
    const operation = toRedisBatchOperation({ origin: 'auto.db.redis' }, 'PIPELINE', commands, false);
    expect(operation.description).toBe('PIPELINE');
    expect(operation.attributes['db.operation.batch.size']).toBe(12);
    const lines = String(operation.attributes['db.query.text']).split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('SET k0 ?');
    expect(lines[10]).toBe('…');
  });
});
