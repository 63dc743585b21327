export { formatItem } from './format-item';
export { CliUsageError, parseCliArgs, USAGE, type CliCommand } from './parse-cli-args';
export { runCli } from './run-cli';
export { readEvents, tail, type TailOptions } from './tail';
