/** `Microsoft-Windows-HttpService` (Http.sys). */
export const HTTP_SYS_PROVIDER_GUID = 'dd5ef90a-6398-47a4-ad34-4dcecdef795f';

/** `Microsoft-Windows-Application Server-Applications` (WCF). */
export const WCF_PROVIDER_GUID = 'c651f5f6-1c0d-492e-8ae1-b4efd7c9d503';

/** Http.sys event ids the span model treats specially; every other event of a request is a span event. */
export const HTTP_SYS = {
  RecvReq: 1,
  Parse: 2,
  Deliver: 3,
  RecvResp: 4,
  RecvRespLast: 5,
  FastResp: 8,
  FastRespLast: 9,
  ConnConnect: 21,
  ConnIdAssgn: 22,
  ConnClose: 23,
  ConnCleanup: 24,
  LogFileWrite: 51,
} as const;

/** The send events: the request span ends at the last of them. */
export const HTTP_SYS_SEND_IDS: ReadonlySet<number> = new Set([10, 11, 12, 13]);

/** SndError, LastSndError, ParseRequestFailed, RequestRejected, RequestCancelled: ERROR status. */
export const HTTP_SYS_ERROR_IDS: ReadonlySet<number> = new Set([14, 15, 52, 64, 65]);

/** Response events: their process id is the worker's (w3wp), where receive events have 4 (System). */
export const HTTP_SYS_RESPONSE_IDS: ReadonlySet<number> = new Set([4, 5, 8, 9]);

/** Connection events: they carry the connection's activity, not a request's. */
export const HTTP_SYS_CONNECTION_IDS: ReadonlySet<number> = new Set([21, 23, 24, 51]);

/** HTTP_VERB values of Parse's HttpVerb field. */
export const HTTP_VERBS: readonly string[] = [
  '', '_UNKNOWN', '_INVALID', 'OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT', 'TRACK',
  'MOVE', 'COPY', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'LOCK', 'UNLOCK', 'SEARCH',
];

/** WCF event ids the span model uses. */
export const WCF = {
  OperationInvokerStart: 205,
  OperationInvokerStop: 214,
  TransportReceiveStop: 215,
  ClientOperationPrepared: 217,
  ServiceChannelCallStop: 218,
  OperationFailed: 222,
  OperationFaulted: 223,
  Transfer: 499,
  WebHostRequestStart: 513,
  DispatchStart: 709,
  DispatchStop: 712,
  DispatchFailed: 3310,
  DispatchSuccessful: 3311,
} as const;

/** Transfers into the E2E activity: there the E2E GUID is the RelatedActivityID. */
export const WCF_TRANSFER_IN_IDS: ReadonlySet<number> = new Set([215, 217, 513]);
