export type { LambdaCallback, LambdaContext, LambdaHandler } from './lambda-types';
export { wrapHandler, type WrapHandlerOptions } from './wrap-handler';
