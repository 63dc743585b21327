import { afterEach, describe, expect, it, vi } from 'vitest';
import { debug } from '@sentry-sdk/core/internal';
import { readBooleanOption, readDatabaseOptions, readQueueOptions } from './instrumentation-options';

describe('integration options', () => {
  afterEach(() => vi.restoreAllMocks());

  it('defaults to on, and `enabled: false` turns an integration off', () => {
    expect(readDatabaseOptions('Postgres', {})).toEqual({ spans: true, breadcrumbs: true });
    expect(readDatabaseOptions('Postgres', { breadcrumbs: false })).toEqual({
      spans: true,
      breadcrumbs: false,
    });
    expect(readDatabaseOptions('Postgres', { enabled: false })).toBeUndefined();
    expect(readQueueOptions('Amqplib', { propagateTraces: false })).toEqual({
      spans: true,
      propagateTraces: false,
    });
    expect(readQueueOptions('Amqplib', { enabled: false })).toBeUndefined();
  });

  it('names the option when a value is not a boolean, and survives a throwing getter', () => {
    const warn = vi.spyOn(debug, 'warn').mockImplementation(() => undefined);
    expect(readBooleanOption('Redis', { spans: 'yes' }, 'spans', true)).toBe(true);
    expect(warn).toHaveBeenCalledWith('Redis: the option `spans` must be a boolean; using true');
    const hostile = {
      get spans(): boolean {
        throw new Error('no');
      },
    };
    expect(readBooleanOption('Redis', hostile, 'spans', false)).toBe(false);
  });
});
