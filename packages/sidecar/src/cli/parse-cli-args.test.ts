import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './parse-cli-args';

describe('parseCliArgs', () => {
  it('serves on the defaults with no arguments', () => {
    expect(parseCliArgs([])).toEqual({
      command: 'serve',
      quiet: false,
      options: {
        port: undefined,
        host: undefined,
        dataDir: undefined,
        retentionDays: undefined,
        maxItems: undefined,
        maxEnvelopeBytes: undefined,
        rateLimits: undefined,
        engine: undefined,
      },
    });
  });

  it('reads every serve option', () => {
    const command = parseCliArgs([
      '--port',
      '9000',
      '--host',
      '0.0.0.0',
      '--data',
      '/tmp/d',
      '--retention-days',
      '1.5',
      '--max-items',
      '500',
      '--max-envelope-size',
      '2m',
      '--rate-limit',
      '60:error:key',
      '--engine',
      'sql.js',
      '--quiet',
    ]);
    expect(command).toEqual({
      command: 'serve',
      quiet: true,
      options: {
        port: 9000,
        host: '0.0.0.0',
        dataDir: '/tmp/d',
        retentionDays: 1.5,
        maxItems: 500,
        maxEnvelopeBytes: 2 * 1024 * 1024,
        rateLimits: '60:error:key',
        engine: 'sql.js',
      },
    });
  });

  it('reads tail and its url', () => {
    expect(parseCliArgs(['tail'])).toEqual({ command: 'tail', url: 'http://127.0.0.1:8969', json: false });
    expect(parseCliArgs(['tail', '--url', 'http://127.0.0.1:9000', '--json'])).toEqual({
      command: 'tail',
      url: 'http://127.0.0.1:9000',
      json: true,
    });
  });

  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--max-items', '0']],
    [['--retention-days', '-1']],
    [['--max-envelope-size', 'huge']],
    [['--engine', 'mysql']],
    [['--unknown']],
    [['serve', 'extra']],
    [['explode']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
  });

  it('answers help and version', () => {
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['-v'])).toEqual({ command: 'version' });
  });
});
