import { ENCODED_GUID_LENGTH } from '../codec/base64.js';
import { GUID_BYTE_LENGTH, guidDigits } from '../codec/guid.js';
import { BASE64_ALPHABET } from '../codec/tables.js';

const PAD = '=';
const DATA_LENGTH = ENCODED_GUID_LENGTH - 2;

/**
 * Says what is wrong with a value that `decodeE2EActivity` rejected, in the terms of what WCF sends: the
 * 24-character standard padded base64 of 16 bytes. The codec decides; this only explains, so it checks the
 * mistakes people make in the order that gives the most useful message (a pasted header line or a GUID
 * before its characters, the alphabet before the length).
 */
export function explainRejectedHeader(input: string): string {
  const text = input.trim();
  if (text === '') return 'empty value';
  if (/^e2eactivity\s*:/i.test(text)) return 'a whole header line: pass only the value after "E2EActivity:"';
  if (text.includes(',')) {
    return 'several values joined with "," (a duplicated header, as Node.js joins them): WCF ignores the joined value, the propagator uses the first item; decode each item on its own';
  }
  if (guidDigits(text) !== undefined) return 'a GUID, not a header value: use encode';
  // Only a GUID-sized value is blamed on the alphabet alone; in any other, `-` or `_` is one mistake of several.
  if (/[-_]/.test(text) && /^[A-Za-z0-9+/_-]{22}(==)?$/.test(text)) {
    const unpadded = text.length === DATA_LENGTH ? ', unpadded' : '';
    return `URL-safe base64 alphabet (- or _)${unpadded}: WCF sends the standard alphabet (+ and /) and "=="`;
  }

  const padding = trailingPadding(text);
  const data = text.slice(0, text.length - padding);
  const stray = firstNonBase64(data);
  if (stray !== undefined) return stray;
  if (padding > 2) return `${padding} "=" of padding: base64 has at most 2`;
  if (data.length % 4 === 1) return `not base64: ${data.length} characters cannot encode whole bytes`;

  const bytes = Math.floor((data.length * 6) / 8);
  if (bytes !== GUID_BYTE_LENGTH) {
    return `decodes to ${bytes} bytes, not 16: a GUID is 16 bytes, 24 base64 characters ending in "=="`;
  }
  if (padding === 0) return 'unpadded base64: WCF sends 24 characters ending in "=="';
  if (padding === 1) return 'one "=" of padding: WCF sends 24 characters ending in "=="';
  const last = BASE64_ALPHABET.indexOf(data[DATA_LENGTH - 1]);
  if ((last & 0x0f) !== 0) {
    return `non-canonical base64: the unused low bits of "${data[DATA_LENGTH - 1]}" are set; .NET writes "${BASE64_ALPHABET[last & 0x30]}"`;
  }
  // Canonical base64 of 16 bytes that the codec still rejects: only the all-zero GUID is.
  return 'Guid.Empty (all zeros) means no activity';
}

/**
 * How many "=" end the text. A loop from the end, not `/=+$/`: that regex restarts at every "=" of a run
 * that does not end the text and is quadratic on a line of many "=" (an attacker-controlled log column).
 */
export function trailingPadding(text: string): number {
  let start = text.length;
  while (start > 0 && text[start - 1] === PAD) start--;
  return text.length - start;
}

function firstNonBase64(data: string): string | undefined {
  for (let i = 0; i < data.length; i++) {
    const char = data[i];
    if (char === PAD) return `"=" at position ${i + 1}: padding goes only at the end`;
    if (!BASE64_ALPHABET.includes(char)) {
      const urlSafe = char === '-' || char === '_' ? ' (it is in the URL-safe alphabet, which WCF does not use)' : '';
      return `${JSON.stringify(char)} at position ${i + 1} is not a base64 character${urlSafe}`;
    }
  }
  return undefined;
}
