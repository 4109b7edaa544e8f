// A Windows SOCKADDR as tracerpt renders a SocketAddress field: `a.b.c.d:port` or `[v6]:port`.

const AF_INET = 2;
const AF_INET6 = 23;
const SOCKADDR_IN_LENGTH = 16;
const SOCKADDR_IN6_LENGTH = 28;

/**
 * The SOCKADDR_IN or SOCKADDR_IN6 in `bytes[start, start + length)` as text, `undefined` for another family
 * or a length too short for its family. Ports are big-endian; the IPv6 scope id shows as `%id` when set.
 */
export function socketAddressText(bytes: Uint8Array, start: number, length: number): string | undefined {
  if (length < 4) return undefined;
  // Connections repeat their addresses: a direct-mapped cache by a hash of the bytes returns the text made
  // for the same bytes last time (checked byte by byte; a collision replaces).
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ bytes[start + i], 0x01000193);
  const slot = Math.imul(hash, 0x9e3779b1) >>> (32 - CACHE_BITS);
  const known = cachedBytes[slot];
  if (known !== undefined && sameBytes(known, bytes, start, length)) return cachedText[slot];
  const text = addressText(bytes, start, length);
  if (text !== undefined) {
    cachedBytes[slot] = bytes.slice(start, start + length);
    cachedText[slot] = text;
  }
  return text;
}

const CACHE_BITS = 10;
const cachedBytes: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(1 << CACHE_BITS).fill(undefined);
const cachedText: string[] = new Array<string>(1 << CACHE_BITS).fill('');

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, length: number): boolean {
  if (known.length !== length) return false;
  for (let i = 0; i < length; i++) if (known[i] !== bytes[start + i]) return false;
  return true;
}

function addressText(bytes: Uint8Array, start: number, length: number): string | undefined {
  const family = bytes[start] | (bytes[start + 1] << 8);
  const port = (bytes[start + 2] << 8) | bytes[start + 3];
  if (family === AF_INET && length >= SOCKADDR_IN_LENGTH - 8) {
    return `${bytes[start + 4]}.${bytes[start + 5]}.${bytes[start + 6]}.${bytes[start + 7]}:${port}`;
  }
  if (family === AF_INET6 && length >= SOCKADDR_IN6_LENGTH) {
    const groups: number[] = [];
    for (let i = 0; i < 8; i++) groups.push((bytes[start + 8 + 2 * i] << 8) | bytes[start + 9 + 2 * i]);
    const scope = (bytes[start + 24] | (bytes[start + 25] << 8) | (bytes[start + 26] << 16) | (bytes[start + 27] << 24)) >>> 0;
    return `[${ipv6Text(groups)}${scope === 0 ? '' : `%${scope}`}]:${port}`;
  }
  return undefined;
}

/** RFC 5952 text: lowercase, the longest run of two or more zero groups as `::`, IPv4-mapped as `::ffff:a.b.c.d`. */
export function ipv6Text(groups: readonly number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const text = groups.map((g) => g.toString(16));
  if (bestStart < 0) return text.join(':');
  return `${text.slice(0, bestStart).join(':')}::${text.slice(bestStart + bestLength).join(':')}`;
}
