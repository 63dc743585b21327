export { addItemToEnvelope, createEnvelope, envelopeContainsItemType, forEachEnvelopeItem } from './create-envelope';
export { createClientReportEnvelope, createEventEnvelope, type EventEnvelopeOptions } from './create-event-envelope';
export {
  createAttachmentItem,
  createCheckInItem,
  createClientReportItem,
  createEventItem,
  createFeedbackItem,
  createLogItem,
  createProfileChunkItem,
  createProfileItem,
  createSessionItem,
  createSessionsItem,
  createSpanContainerItem,
  createSpanItem,
  createTransactionItem,
  LOG_CONTAINER_CONTENT_TYPE,
  SPAN_CONTAINER_CONTENT_TYPE,
} from './envelope-items';
export { getItemCategory, ITEM_CATEGORIES } from './get-item-category';
export { EnvelopeParseError, parseEnvelope } from './parse-envelope';
export { serializeEnvelope } from './serialize-envelope';
export type {
  ClientReportEntry,
  Envelope,
  EnvelopeHeaders,
  EnvelopeItem,
  EnvelopeItemHeaders,
  EnvelopeItemType,
} from './types';
