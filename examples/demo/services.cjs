// Two plain Node.js HTTP services on 127.0.0.1 (free ports): `orders` answers GET /orders by calling
// `inventory`, which calls the WCF stock service (here a stand-in that only answers: its spans come from
// the synthetic Windows capture) and answers with the propagation headers it received. Neither knows
// about E2EActivity: the instrumentation and the propagators do everything.
'use strict';
const http = require('node:http');

const HOP_TIMEOUT_MS = 5000;
const SHOWN_HEADERS = ['e2eactivity', 'traceparent', 'baggage'];

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

function getJson(url) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: HOP_TIMEOUT_MS }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body)));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within ${HOP_TIMEOUT_MS} ms`)));
    request.on('error', reject);
  });
}

function sendJson(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** The path of the WCF service on the Windows host; the demo's tracing ignores the stand-in's own requests. */
const STOCK_PATH = '/Stock/StockService.svc';

/** Starts the services; resolves with the URL of `orders` and a function that stops them. */
async function startServices() {
  const stock = http.createServer((request, response) => {
    request.resume();
    sendJson(response, 200, { inStock: 3 });
  });
  const stockUrl = await listen(stock);

  const inventory = http.createServer((request, response) => {
    const received = {};
    for (const name of SHOWN_HEADERS) if (request.headers[name] !== undefined) received[name] = request.headers[name];
    request.resume();
    getJson(`${stockUrl}${STOCK_PATH}`).then(
      () => sendJson(response, 200, { received }),
      (error) => sendJson(response, 502, { error: String(error) })
    );
  });
  const inventoryUrl = await listen(inventory);

  const orders = http.createServer((request, response) => {
    request.resume();
    getJson(`${inventoryUrl}/inventory`).then(
      (answer) => sendJson(response, 200, { inventoryReceived: answer.received }),
      (error) => sendJson(response, 502, { error: String(error) })
    );
  });
  const ordersUrl = await listen(orders);

  const close = (server) => new Promise((resolve) => server.close(() => resolve()));
  return { ordersUrl, stop: () => Promise.all([close(orders), close(inventory), close(stock)]) };
}

module.exports = { startServices, STOCK_PATH };
