export { instrumentOpenAiClient, instrumentOpenAiModule } from './instrument-openai-client';
