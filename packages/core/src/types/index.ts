export type { Attachment } from './attachment';
export type { Breadcrumb, BreadcrumbHint } from './breadcrumb';
export type { Client, ClientHooks, DsnComponents, SessionControlAction } from './client';
export type { DataCategory, DiscardReason, RecordDroppedEvent } from './data-category';
export type {
  Context,
  Contexts,
  ErrorEvent,
  Event,
  Exception,
  Measurement,
  Mechanism,
  SdkInfo,
  TransactionEvent,
  TransactionSource,
} from './event';
export type { EventProcessor } from './event-processor';
export type { EventHint, Hint } from './hint';
export type { Integration } from './integration';
export type { ClientOptions, Options } from './options';
export type { PropagationContext, ScopeContext, ScopeData } from './scope-data';
export type { SeverityLevel } from './severity';
export type { StackFrame, StackParser, Stacktrace } from './stacktrace';
export type {
  Transport,
  TransportMakeRequestResponse,
  TransportOptions,
  TransportRequest,
  TransportRequestExecutor,
} from './transport';
export type { RequestData } from './request';
export type { User } from './user';
