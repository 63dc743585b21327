/** One frame of a stack trace, as the protocol names its fields (protocol.md §5.3). */
export interface StackFrame {
  filename?: string;
  abs_path?: string;
  function?: string;
  module?: string;
  lineno?: number;
  colno?: number;
  in_app?: boolean;
  pre_context?: string[];
  context_line?: string;
  post_context?: string[];
  vars?: Record<string, unknown>;
  platform?: string;
  debug_id?: string;
}

/** Frames ordered caller → callee: the throwing frame last. */
export interface Stacktrace {
  frames?: StackFrame[];
}

/**
 * Turns an `error.stack` string into frames, oldest first. Supplied by each runtime package
 * (V8 in Node, error-stack-parser in browsers). `skipFirstLines` skips lines the SDK added.
 */
export type StackParser = (stack: string, skipFirstLines?: number) => StackFrame[];
