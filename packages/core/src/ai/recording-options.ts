import { callGuarded, readProperty } from '../lib';
import { getClient } from '../scope';

/** What the AI instrumentations accept: whether prompts and completions go on the spans. */
export interface AiRecordingOptions {
  /** Record prompts, system instructions, tool definitions and tool arguments. Default: `sendDefaultPii`. */
  recordInputs?: boolean | undefined;
  /** Record completions, tool calls and tool results. Default: `sendDefaultPii`. */
  recordOutputs?: boolean | undefined;
}

/** The decision for one call: content is recorded only when an option or `sendDefaultPii` says so (protocol.md §15). */
export interface ContentRecording {
  inputs: boolean;
  outputs: boolean;
}

function isPiiAllowed(): boolean {
  return callGuarded('client.getOptions', () => getClient()?.getOptions().sendDefaultPii === true, false);
}

/** Resolves the options against the current client's `sendDefaultPii`; only `true` turns recording on. */
export function resolveContentRecording(options: AiRecordingOptions | undefined): ContentRecording {
  const inputs = readProperty(options, 'recordInputs');
  const outputs = readProperty(options, 'recordOutputs');
  const pii = inputs === undefined || outputs === undefined ? isPiiAllowed() : false;
  return {
    inputs: typeof inputs === 'boolean' ? inputs : pii,
    outputs: typeof outputs === 'boolean' ? outputs : pii,
  };
}

/** A plain copy of the recording options (hostile objects read once, wrong types dropped). */
export function readRecordingOptions(options: unknown): AiRecordingOptions {
  const copy: AiRecordingOptions = {};
  const inputs = readProperty(options, 'recordInputs');
  const outputs = readProperty(options, 'recordOutputs');
  if (typeof inputs === 'boolean') copy.recordInputs = inputs;
  if (typeof outputs === 'boolean') copy.recordOutputs = outputs;
  return copy;
}
