/** The `--help` text. */
export const USAGE = `Usage: e2eactivity <command> [--json] [value ...]
       e2eactivity etw events <file ...> [--json] [--provider NAME|GUID ...]
       e2eactivity etw spans <file ...> [--out FILE|-] [--endpoint URL]
                   [--protocol http/protobuf|http/json|grpc] [--service-name NAME] [--horizon-ms MS]

Converts between MS-THCH E2EActivity header values (the base64 .NET GUID that WCF sends) and GUIDs,
and reads the Windows side of an activity from ETW traces.

Commands:
  decode <base64>          print the GUID, its trace-id form and the header line
  encode <guid|trace-id>   print the header value (GUID in D, N or B form; a trace id is the N form)
  etw events <file ...>    print the events of .etl files or event XML (tracerpt, wevtutil, PowerShell
                           ToXml(), UTF-8 or UTF-16), one line per event; - reads standard input.
                           A summary (events per provider, unknown events, time span, problems) goes
                           to standard error.
  etw spans <file ...>     import the Http.sys and WCF events of the files (merged by time) as
                           OpenTelemetry spans joined to their E2EActivity trace: OTLP JSON Lines to
                           --out (standard output by default), or over OTLP to --endpoint (or the
                           OTEL_EXPORTER_OTLP_* variables). A summary goes to standard error.

With no value (or -), decode and encode read values from standard input, one per line; blank lines are
skipped.

Options:
  --json      one JSON object per value, one per line (JSON Lines):
              {"input","guid","traceId","value","header"}, or {"input","error"} for an invalid value;
              values read from standard input also carry their "line" number; an input
              over 60 characters is cut to 60 and "inputLength" gives its full length;
              etw events: one event record per line
  --provider NAME|GUID  (etw events) only events of this provider; repeat for several
  --out FILE|-          (etw spans) OTLP JSON Lines, one ExportTraceServiceRequest per line
  --endpoint URL        (etw spans) OTLP base URL (as OTEL_EXPORTER_OTLP_ENDPOINT); exports in batches
  --protocol P          (etw spans) http/protobuf (default), http/json or grpc
  --service-name NAME   (etw spans) service.name of every span (default: http.sys, the WCF host)
  --horizon-ms MS       (etw spans) close a request or activity MS after its last event (default 60000)
  -h, --help  show this help
  --          end of options (for a value that starts with -)

Exit status: 0 every value converted, 1 usage error, 2 one or more values invalid (the others still
print; without --json each invalid value is explained on standard error). etw events: 2 for a file that
is neither ETL nor event XML, a damaged ETL file or malformed XML (every intact event still prints; each
problem is reported on standard error with its byte offset or line and column). etw spans: 2 likewise
(the spans of the intact parts are still written, the problems repeated in the summary), 3 when spans
were lost in the export.

Examples:
  e2eactivity decode 1EQPEKzH3EWY95dMBk1h3Q==
  e2eactivity encode 100f44d4-c7ac-45dc-98f7-974c064d61dd
  cut -f7 access.log | e2eactivity decode --json
  e2eactivity etw events e2e.etl --provider Microsoft-Windows-HttpService --json
  e2eactivity etw spans web01.etl client01.etl --endpoint http://localhost:4318
`;
