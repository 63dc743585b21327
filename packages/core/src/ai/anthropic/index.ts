export { instrumentAnthropicAiClient, instrumentAnthropicAiModule } from './instrument-anthropic-client';
