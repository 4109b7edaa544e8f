/**
 * Reads the Windows side of an end-to-end activity: ETW events of Http.sys
 * (`Microsoft-Windows-HttpService`) and WCF (`Microsoft-Windows-Application Server-Applications`) from a
 * binary `.etl` file or from event XML (tracerpt, wevtutil, PowerShell `ToXml()`), on any OS, as a stream.
 * Loaded only by those who import it: the propagator entry never loads this code or its XML parser.
 *
 * @module opentelemetry-propagator-e2eactivity/etw
 */
export type { EtwEvent, EtwFieldValue, EtwProblem } from './event.js';
export { EtwDamagedInputError, readEtwEvents } from './read-etw-events.js';
export type { ReadEtwEventsOptions } from './read-etw-events.js';
export { EtwFormatError } from './sniff.js';
export type { EtwSource } from './source.js';
