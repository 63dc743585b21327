export { addConsoleHandler, CONSOLE_LEVELS, type ConsoleCall, type ConsoleLevel } from './console';
export { createInstrumentation, type AddHandler } from './create-instrumentation';
export { addDomHandler, type DomInteraction } from './dom';
export { addFetchHandler, addFetchStartHandler, type FetchCall, type FetchStart } from './fetch';
export { addHistoryHandler, type HistoryChange } from './history';
export { patchMethod } from './patch-method';
export { addXhrHandler, addXhrStartHandler, type XhrCall, type XhrStart } from './xhr';
