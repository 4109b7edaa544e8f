// The caller: a WCF client with end-to-end tracing on. It has no OpenTelemetry, so it sends no
// traceparent, only E2EActivity, computed as WCF does:
//   Convert.ToBase64String(Trace.CorrelationManager.ActivityId.ToByteArray())
// ToByteArray() puts the first three GUID fields little-endian, which is why the base64 looks unrelated
// to the GUID text.
'use strict';
const http = require('node:http');
const { context } = require('@opentelemetry/api');
const { suppressTracing } = require('@opentelemetry/core');

const TIMEOUT_MS = 5000;

/** What the demo sends: the values .NET computes for these GUIDs, and one that WCF itself would reject. */
const REQUESTS = [
  { guid: '100f44d4-c7ac-45dc-98f7-974c064d61dd', header: '1EQPEKzH3EWY95dMBk1h3Q==', note: 'the example of MS-THCH section 4' },
  { guid: 'b5016019-02f6-4b0c-b887-139947bb1619', header: 'GWABtfYCDEu4hxOZR7sWGQ==', note: 'the example of MS-THCH section 2.2' },
  { guid: '00112233-4455-6677-8899-aabbccddeeff', header: 'MyIRAFVEd2aImaq7zN3u/w==', note: 'shows the byte order' },
  { guid: undefined, header: '1EQPEKzH3EWY95dMBk1h3Q', note: 'invalid: unpadded base64, which WCF rejects too' },
];

/**
 * GET /orders with the E2EActivity header. Tracing is suppressed for this call: the demo's own process
 * is instrumented, and the client must stay a plain WCF client, not a traced Node.js one.
 */
function callAsWcf(ordersUrl, header) {
  return context.with(suppressTracing(context.active()), () =>
    new Promise((resolve, reject) => {
      const request = http.get(`${ordersUrl}/orders`, { headers: { E2EActivity: header }, timeout: TIMEOUT_MS }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve(JSON.parse(body)));
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
      request.on('error', reject);
    })
  );
}

module.exports = { REQUESTS, callAsWcf };
