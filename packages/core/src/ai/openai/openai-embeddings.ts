import { readProperty } from '../../lib';
import type { Span, SpanAttributes } from '../../tracing';
import type { AiMethodSpec } from '../ai-method-spec';
import {
  getOpenAiStyleUsageAttributes,
  getResponseAttributes,
  readNumber,
  readString,
} from '../gen-ai-attributes';
import { MAX_MESSAGES_LENGTH, toContentJson } from '../gen-ai-content';
import type { ContentRecording } from '../recording-options';
import { OPENAI_ORIGIN, OPENAI_PROVIDER } from './openai-constants';

function describe(params: unknown, recording: ContentRecording): ReturnType<AiMethodSpec['describe']> {
  const attributes: SpanAttributes = {};
  const dimensions = readNumber(params, 'dimensions');
  if (dimensions !== undefined) attributes['gen_ai.embeddings.dimension.count'] = dimensions;
  const format = readString(params, 'encoding_format');
  if (format !== undefined) attributes['gen_ai.request.encoding_formats'] = [format];
  if (recording.inputs) {
    const input = readProperty(params, 'input');
    const text = typeof input === 'string' ? input : toContentJson(input);
    if (text !== undefined) attributes['gen_ai.embeddings.input'] = text.slice(0, MAX_MESSAGES_LENGTH);
  }
  return { operation: 'embeddings', model: readString(params, 'model'), streaming: false, attributes };
}

function recordResponse(span: Span, data: unknown): void {
  span.setAttributes({
    ...getResponseAttributes(undefined, readProperty(data, 'model')),
    ...getOpenAiStyleUsageAttributes(readProperty(data, 'usage')),
  });
}

/** `embeddings.create`: op `gen_ai.embeddings`; the vectors are never recorded. */
export const OPENAI_EMBEDDINGS_SPEC: AiMethodSpec = {
  origin: OPENAI_ORIGIN,
  provider: OPENAI_PROVIDER,
  describe,
  recordResponse,
};
