/** What an `ai` telemetry span stands for, and the op and operation it gets here (protocol.md §12). */
export interface VercelAiSpanKind {
  kind: 'agent' | 'model' | 'tool' | 'embeddings' | 'rerank' | 'other';
  op: string;
  operation: string | undefined;
}

const CALLS = '(generateText|streamText|generateObject|streamObject)';
const AGENT = new RegExp(`^ai\\.${CALLS}$`);
const MODEL = new RegExp(`^ai\\.${CALLS}\\.do(Generate|Stream)$`);
const EMBEDDINGS = /^ai\.embed(Many)?(\.doEmbed)?$/;
const RERANK = /^ai\.rerank(\.doRerank)?$/;

/**
 * The kind of a span the `ai` package starts: `ai.generateText` (a whole multi-step call, as an agent
 * invocation), `ai.generateText.doGenerate` (one model call, as a chat), `ai.toolCall`, embeddings
 * and reranking; any other name keeps its own name as op.
 */
export function getVercelAiSpanKind(name: string): VercelAiSpanKind {
  if (name === 'ai.toolCall') return { kind: 'tool', op: 'gen_ai.execute_tool', operation: 'execute_tool' };
  if (AGENT.test(name)) return { kind: 'agent', op: 'gen_ai.invoke_agent', operation: 'invoke_agent' };
  if (MODEL.test(name)) return { kind: 'model', op: 'gen_ai.chat', operation: 'chat' };
  if (EMBEDDINGS.test(name)) return { kind: 'embeddings', op: 'gen_ai.embeddings', operation: 'embeddings' };
  if (RERANK.test(name)) return { kind: 'rerank', op: 'gen_ai.rerank', operation: 'rerank' };
  return { kind: 'other', op: name, operation: undefined };
}
