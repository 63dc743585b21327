import type { Span, SpanAttributes } from '../tracing';
import type { ContentRecording } from './recording-options';

/** What an instrumentation reads from a call's parameters before it runs. */
export interface AiCallDescription {
  /** `chat`, `embeddings`, …: the span's op is `gen_ai.{operation}`, its name `{operation} {model}`. */
  operation: string;
  model: string | undefined;
  /** Whether the call answers with a stream. */
  streaming: boolean;
  attributes: SpanAttributes;
}

/** Collects a streamed response chunk by chunk, then writes what it learned on the span. */
export interface AiStreamRecorder {
  /** Takes one chunk; true when it carried the first content (time to first token). */
  add: (chunk: unknown) => boolean;
  finish: (span: Span) => void;
}

/** How one API method of a provider's client is described and recorded. */
export interface AiMethodSpec {
  /** `auto.ai.{provider}` (protocol.md §6.4); also the mechanism of captured errors. */
  origin: string;
  /** `gen_ai.provider.name` (and the older `gen_ai.system`). */
  provider: string;
  describe: (params: unknown, recording: ContentRecording) => AiCallDescription;
  recordResponse: (span: Span, data: unknown, recording: ContentRecording) => void;
  createStreamRecorder?: (recording: ContentRecording) => AiStreamRecorder;
}
