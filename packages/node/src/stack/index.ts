export { createGetModuleFromFilename } from './get-module-from-filename';
export { createNodeStackParser, nodeStackParser } from './node-stack-parser';
