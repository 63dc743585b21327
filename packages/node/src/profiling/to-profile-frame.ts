import type { Runtime } from 'node:inspector';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileFrame } from '@sentry-sdk/core/internal';
import { createGetModuleFromFilename } from '../stack';

const IN_NODE_MODULES = /[\\/]node_modules[\\/]/;

/**
 * Makes the function that turns a V8 call frame into a profile frame: 1-based line and column,
 * the module name and `in_app` as error stack frames have them (false for `node_modules`, `node:`
 * internals and native code). `appRoot` names modules relative to it.
 */
export function createFrameConverter(appRoot: string): (callFrame: Runtime.CallFrame) => ProfileFrame {
  const getModule = createGetModuleFromFilename(appRoot);
  return (callFrame) => {
    const frame: ProfileFrame = { function: callFrame.functionName || '(anonymous)' };
    const file = toPath(callFrame.url);
    if (file) frame.filename = file;
    if (callFrame.lineNumber >= 0) frame.lineno = callFrame.lineNumber + 1;
    if (callFrame.columnNumber >= 0) frame.colno = callFrame.columnNumber + 1;
    frame.in_app = false;
    if (file && isAbsolute(file)) {
      frame.abs_path = file;
      const module = getModule(file);
      if (module !== undefined) frame.module = module;
      frame.in_app = !IN_NODE_MODULES.test(file);
    }
    return frame;
  };
}

/** The path of a `file://` URL (ES modules); other URLs unchanged. */
function toPath(url: string): string {
  if (!url.startsWith('file://')) return url;
  try {
    return fileURLToPath(url);
  } catch {
    return url;
  }
}
