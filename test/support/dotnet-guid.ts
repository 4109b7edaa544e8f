// An oracle for the tests, written apart from src/codec on purpose: an end-to-end test must not take the
// expected header from the code under test. Checked against Mono's Guid.ToByteArray in test/e2e/dotnet.
import { randomUUID } from 'node:crypto';

/** `Convert.ToBase64String(new Guid(guid).ToByteArray())`: the first three fields little-endian. */
export function wcfHeaderOf(guid: string): string {
  const bytes = Buffer.from(guid.replace(/-/g, ''), 'hex');
  bytes.subarray(0, 4).reverse();
  bytes.subarray(4, 6).reverse();
  bytes.subarray(6, 8).reverse();
  return bytes.toString('base64');
}

/** `count` distinct random GUIDs, lowercase D form. */
export function distinctGuids(count: number): string[] {
  const guids = new Set<string>();
  while (guids.size < count) guids.add(randomUUID());
  return [...guids];
}

/** The W3C trace id that the text mapping gives: the GUID's 32 hex digits. */
export function traceIdOf(guid: string): string {
  return guid.replace(/-/g, '').toLowerCase();
}
