import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { monitor } from './monitor';
import type { SerializedCheckIn } from './types';

const checkInsOf = (captured: { payloads: <T>(type: string) => T[] }) =>
  captured.payloads<SerializedCheckIn>('check_in').map((c) => `${c.monitor_slug}:${c.status}`);

describe('monitor', () => {
  it('runs a callback at once, as withMonitor', async () => {
    let result = '';
    const captured = await withCapturedEnvelopes(() => {
      result = monitor('now', () => 'ran', { schedule: { type: 'interval', value: 1, unit: 'hour' } });
    });
    expect(result).toBe('ran');
    expect(checkInsOf(captured)).toEqual(['now:in_progress', 'now:ok']);
  });

  it('wraps a function: each call is one run, with this, arguments and result passed through', async () => {
    const counter = {
      base: 10,
      add: monitor('adder')(function add(this: { base: number }, a: number, b: number) {
        return this.base + a + b;
      }),
    };
    expect(counter.add.name).toBe('add');
    const captured = await withCapturedEnvelopes(() => {
      expect(counter.add(1, 2)).toBe(13);
      expect(counter.add(3, 4)).toBe(17);
    });
    expect(checkInsOf(captured)).toEqual(['adder:in_progress', 'adder:ok', 'adder:in_progress', 'adder:ok']);
  });

  it('decorates class methods (stage-3 decorators), sync and async, rethrowing errors', async () => {
    class Jobs {
      public prefix = 'report';

      @monitor('nightly-report', { schedule: { type: 'crontab', value: '0 3 * * *' } })
      public async report(day: string): Promise<string> {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return `${this.prefix} ${day}`;
      }

      @monitor('cleanup')
      public cleanup(): never {
        throw new RangeError('disk full');
      }
    }
    const jobs = new Jobs();
    const captured = await withCapturedEnvelopes(async () => {
      await expect(jobs.report('monday')).resolves.toBe('report monday');
      expect(() => jobs.cleanup()).toThrow('disk full');
    });
    expect(checkInsOf(captured)).toEqual([
      'nightly-report:in_progress',
      'nightly-report:ok',
      'cleanup:in_progress',
      'cleanup:error',
    ]);
    expect(captured.payloads<SerializedCheckIn>('check_in')[0]!.monitor_config!.schedule).toEqual({
      type: 'crontab',
      value: '0 3 * * *',
    });
  });

  it('decorates methods under experimentalDecorators (target, key, descriptor)', async () => {
    class Legacy {
      public run(): string {
        return 'legacy';
      }
    }
    const descriptor = Object.getOwnPropertyDescriptor(Legacy.prototype, 'run')!;
    const returned = monitor('legacy')(Legacy.prototype, 'run', descriptor);
    expect(returned).toBe(descriptor);
    Object.defineProperty(Legacy.prototype, 'run', returned);
    const captured = await withCapturedEnvelopes(() => expect(new Legacy().run()).toBe('legacy'));
    expect(checkInsOf(captured)).toEqual(['legacy:in_progress', 'legacy:ok']);
  });

  it('leaves what is not a function as it was', () => {
    const wrapper = monitor('x') as unknown as (value: unknown) => unknown;
    expect(wrapper(42)).toBe(42);
  });
});
