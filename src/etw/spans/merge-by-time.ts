import type { EtwEvent } from '../event.js';

/** Events of one capture, in time order: what `readEtwEvents` gives, or an array. */
export type EventSource = AsyncIterable<EtwEvent> | Iterable<EtwEvent>;

interface Head {
  readonly iterator: AsyncIterator<EtwEvent> | Iterator<EtwEvent>;
  event: EtwEvent;
  readonly order: number;
}

/**
 * Merges event streams that are each in time order into one stream in time order (by `timeUnixNano`;
 * on equal times, the earlier source first), holding one event per source: the captures of several
 * machines read as one. A single source is handed back as it is (no extra layer per event).
 */
export function mergeByTime(sources: readonly EventSource[]): AsyncIterable<EtwEvent> | Iterable<EtwEvent> {
  return sources.length === 1 ? sources[0] : mergeHeads(sources);
}

async function* mergeHeads(sources: readonly EventSource[]): AsyncGenerator<EtwEvent> {
  const heap: Head[] = [];
  for (const [order, source] of sources.entries()) {
    const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
    const first = await iterator.next();
    if (first.done !== true) push(heap, { iterator, event: first.value, order });
  }
  while (heap.length > 0) {
    const head = heap[0];
    yield head.event;
    const next = await head.iterator.next();
    if (next.done === true) {
      const last = heap.pop() as Head;
      if (heap.length > 0) {
        heap[0] = last;
        siftDown(heap, 0);
      }
    } else {
      head.event = next.value;
      siftDown(heap, 0);
    }
  }
}

/** Compares two `timeUnixNano` strings without BigInt: same length compares as text. */
export function compareTimeUnixNano(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function before(a: Head, b: Head): boolean {
  const order = compareTimeUnixNano(a.event.timeUnixNano, b.event.timeUnixNano);
  return order < 0 || (order === 0 && a.order < b.order);
}

function push(heap: Head[], head: Head): void {
  heap.push(head);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown(heap: Head[], start: number): void {
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let least = i;
    if (left < heap.length && before(heap[left], heap[least])) least = left;
    if (right < heap.length && before(heap[right], heap[least])) least = right;
    if (least === i) return;
    [heap[i], heap[least]] = [heap[least], heap[i]];
    i = least;
  }
}
