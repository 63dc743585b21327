import { VERSION } from '@sentry-sdk/core';
import { DEFAULT_SIDECAR_PORT, startSidecar } from '../server';
import { formatItem } from './format-item';
import { CliUsageError, parseCliArgs, USAGE } from './parse-cli-args';
import { tail } from './tail';

/**
 * Runs `sentry-sdk-sidecar` with `argv` (without node and the script). Resolves with the exit code
 * once the command is done; `serve` and `tail` run until SIGINT or SIGTERM.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`sentry-sdk-sidecar: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === 'help' || command.command === 'version') {
    console.log(command.command === 'help' ? USAGE : VERSION);
    return 0;
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (command.command === 'tail') {
      await tail({
        url: command.url,
        json: command.json,
        write: (line) => console.log(line),
        signal: stop.signal,
      });
      return 0;
    }
    const { quiet, options } = command;
    let sidecar;
    try {
      sidecar = await startSidecar({
        ...options,
        onItems: quiet ? undefined : (items) => items.forEach((item) => console.log(formatItem(item))),
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
      console.error(
        `sentry-sdk-sidecar: port ${options.port ?? DEFAULT_SIDECAR_PORT} is in use; choose another with --port`,
      );
      return 1;
    }
    console.log(
      `Sentry SDK sidecar ${VERSION} listening on ${sidecar.url}\n` +
        `  open ${sidecar.url} to see what arrives\n` +
        `  DSN  ${sidecar.dsn}\n` +
        `  data ${sidecar.dataDir} (${sidecar.store.engine})`,
    );
    await new Promise<void>((done) => stop.signal.addEventListener('abort', () => done()));
    await sidecar.close();
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
