export { addExceptionMechanism } from './add-exception-mechanism';
export { eventFromMessage, toEventLevel } from './event-from-message';
export { eventFromUnknownInput } from './event-from-unknown-input';
export { exceptionFromError, parseStackFrames } from './exception-from-error';
export { createNormalizer, normalize, type NormalizedValue, type Normalizer } from './normalize';
export { normalizeEvent } from './normalize-event';
export { normalizeToSize } from './normalize-to-size';
export { safeJoin, truncate } from './truncate';
