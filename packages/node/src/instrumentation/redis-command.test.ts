import { describe, expect, it } from 'vitest';
import { describeRedisCommand } from './redis-command';

describe('describeRedisCommand', () => {
  it.each([
    ['set', ['user:1', 'Ada Lovelace', 'EX', 60], 'SET user:1 ? ? ?', 'user:1'],
    ['GET', ['user:1'], 'GET user:1', 'user:1'],
    ['mget', ['a', 'b', 'c'], 'MGET a b c', 'a'],
    ['MSET', ['a', '1', 'b', '2'], 'MSET a ? b ?', 'a'],
    ['HSET', ['h', 'name', 'Ada', 'age', '36'], 'HSET h name ? age ?', 'h'],
    ['HMGET', ['h', 'name', 'age'], 'HMGET h name age', 'h'],
    ['EVALSHA', ['abc123', '2', 'k1', 'k2', 'secret'], 'EVALSHA abc123 2 k1 k2 ?', 'k1'],
    ['EVAL', ['return 1', '1', 'k', 'v'], 'EVAL ? 1 k ?', 'k'],
    ['AUTH', ['user', 'hunter2'], 'AUTH ? ?', undefined],
    ['HELLO', ['3', 'AUTH', 'user', 'pw'], 'HELLO ? ? ? ?', undefined],
    ['PING', [], 'PING', undefined],
    ['SELECT', ['2'], 'SELECT 2', undefined],
  ])('%s %j → %j', (name, args, description, key) => {
    expect(describeRedisCommand(name, args)).toEqual({ description, key });
  });

  it('shows values with includeValues, never credentials; reads buffers and numbers; caps length', () => {
    expect(describeRedisCommand('set', ['k', Buffer.from('v'), 5], true).description).toBe('SET k v 5');
    expect(describeRedisCommand('auth', ['pw'], true).description).toBe('AUTH ?');
    const long = describeRedisCommand('get', ['k'.repeat(500)]).description;
    expect(long).toBe(`GET ${'k'.repeat(100)}…`);
    const many = describeRedisCommand(
      'del',
      Array.from({ length: 40 }, (_, i) => `k${i}`),
    ).description;
    expect(many.split(' ')).toHaveLength(18);
    expect(many.endsWith('…')).toBe(true);
    expect(describeRedisCommand('set', [{ toString: () => 'x' }, {}]).description).toBe('SET ? ?');
  });
});
