import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { EtwSpan } from '../../etw/spans/index.js';
import { ExportResultCode } from '@opentelemetry/core';
import { loadOptional } from './load-optional.js';

/** The OTLP protocols `etw spans` exports with, as `OTEL_EXPORTER_OTLP_PROTOCOL` names them. */
export const ETW_SPANS_PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'] as const;

/** One of {@link ETW_SPANS_PROTOCOLS}. */
export type OtlpProtocol = (typeof ETW_SPANS_PROTOCOLS)[number];

/** Where spans go over OTLP: an explicit endpoint, or the one the `OTEL_EXPORTER_OTLP_*` variables name. */
export interface ExportTarget {
  /** The `--endpoint` base URL; absent when the exporter reads the environment itself. */
  readonly endpoint?: string;
  readonly protocol: OtlpProtocol;
  /** What to show: the endpoint as given or as the environment names it. */
  readonly shown: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The export target of a command line: `--endpoint` (a base URL, as `OTEL_EXPORTER_OTLP_ENDPOINT`), else
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `OTEL_EXPORTER_OTLP_ENDPOINT`; `undefined` when neither asks for
 * an export. The protocol: `--protocol`, else the `OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL` variables, else
 * `http/protobuf`. A string is the usage error to report.
 */
export function exportTargetOf(endpoint: string | undefined, protocol: string | undefined, env: Env): ExportTarget | undefined | string {
  const named = protocol ?? (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() || env.OTEL_EXPORTER_OTLP_PROTOCOL?.trim() || 'http/protobuf');
  if (!(ETW_SPANS_PROTOCOLS as readonly string[]).includes(named)) {
    return `unknown protocol "${named}"; accepted: ${ETW_SPANS_PROTOCOLS.join(', ')}`;
  }
  const chosen = named as OtlpProtocol;
  if (endpoint !== undefined) {
    if (!/^https?:\/\/[^/]/i.test(endpoint)) return `--endpoint must be an http:// or https:// URL; got "${endpoint}"`;
    return { endpoint, protocol: chosen, shown: endpoint };
  }
  const fromEnv = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return fromEnv ? { protocol: chosen, shown: fromEnv } : undefined;
}

type HttpExporterModule = typeof import('@opentelemetry/exporter-trace-otlp-http');

/**
 * The official OTLP exporter for the target, loaded only now. An explicit endpoint gets the signal path
 * (`/v1/traces`) for HTTP, as the SDK does for `OTEL_EXPORTER_OTLP_ENDPOINT`; without one, the exporter
 * reads the endpoint, headers, timeout and compression from the environment itself.
 */
export function createTraceExporter(target: ExportTarget): SpanExporter {
  const packageName = {
    'http/protobuf': '@opentelemetry/exporter-trace-otlp-proto',
    'http/json': '@opentelemetry/exporter-trace-otlp-http',
    grpc: '@opentelemetry/exporter-trace-otlp-grpc',
  }[target.protocol];
  // The three packages export an OTLPTraceExporter with the same constructor shape.
  const { OTLPTraceExporter } = loadOptional<HttpExporterModule>(packageName, `--protocol ${target.protocol}`);
  if (target.endpoint === undefined) return new OTLPTraceExporter();
  const url = target.protocol === 'grpc' ? target.endpoint : `${target.endpoint.replace(/\/+$/, '')}/v1/traces`;
  return new OTLPTraceExporter({ url });
}

/** Exports spans batch by batch, one request at a time, and counts what arrived and what was lost. */
export class BatchExport {
  exported = 0;
  failed = 0;
  /** The distinct reasons of failed batches, in order (at most 10). */
  readonly errors: string[] = [];

  constructor(private readonly _exporter: SpanExporter) {}

  /** Sends one batch and waits for its result. */
  send(batch: readonly EtwSpan[]): Promise<void> {
    return new Promise((resolve) => {
      this._exporter.export([...batch], (result) => {
        if (result.code === ExportResultCode.SUCCESS) this.exported += batch.length;
        else {
          this.failed += batch.length;
          const reason = result.error?.message ?? 'export failed';
          if (this.errors.length < 10 && !this.errors.includes(reason)) this.errors.push(reason);
        }
        resolve();
      });
    });
  }

  /** Flushes and closes the exporter. */
  async shutdown(): Promise<void> {
    await this._exporter.shutdown();
  }
}
