import { decodeE2EActivity } from '../codec/e2eactivity.js';
import { guidDigits } from '../codec/guid.js';

const EXPECTED = 'expected 32 hex digits in D (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), N (32 digits) or B ({D}) form';

/**
 * Says what is wrong with a GUID or trace id that `encodeE2EActivity` rejected. The codec decides; this
 * only explains, starting with the two mix-ups that are not typos: a header value given to encode, and
 * Guid.Empty.
 */
export function explainRejectedGuid(input: string): string {
  const text = input.trim();
  if (text === '') return 'empty value';
  if (decodeE2EActivity(text) !== undefined) return 'an E2EActivity header value, not a GUID: use decode';
  // A well-formed GUID that encode still rejects can only be the all-zero one.
  if (guidDigits(text) !== undefined) return 'Guid.Empty (all zeros) means no activity';

  const open = text.startsWith('{');
  if (open !== text.endsWith('}')) return `not a GUID: unbalanced braces; ${EXPECTED}`;
  const body = open ? text.slice(1, -1) : text;
  const offset = open ? 2 : 1;
  let digits = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (/[0-9a-fA-F]/.test(char)) digits++;
    else if (char !== '-') {
      return `not a GUID: ${JSON.stringify(char)} at position ${i + offset} is not a hex digit; ${EXPECTED}`;
    }
  }
  if (digits !== 32) return `not a GUID: ${digits} hex digits; ${EXPECTED}`;
  return `not a GUID: dashes out of place; ${EXPECTED}`;
}
