// A bare node:http client for the tests (Jest's process is not instrumented): sends exactly the headers
// given, including one name several times, and gives back the status and the JSON body.
import { Agent, request } from 'node:http';

export type RawHeaders = Record<string, string | string[]>;

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

/** One agent for many concurrent requests, so 200 of them do not open 200 sockets at once. */
export function createAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

/** GETs `url`; an array value sends the header once per item. Rejects after `timeoutMs`. */
export function getJson<T = unknown>(url: string, headers: RawHeaders = {}, options: { agent?: Agent; timeoutMs?: number } = {}): Promise<Answer<T>> {
  const timeoutMs = options.timeoutMs ?? 10000;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent: options.agent, timeout: timeoutMs }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        try {
          resolve({ status, body: JSON.parse(text) as T });
        } catch {
          reject(new Error(`GET ${url}: status ${status}, not JSON: ${text.slice(0, 200)}`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
