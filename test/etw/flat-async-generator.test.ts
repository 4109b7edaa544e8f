import { FlatAsyncGenerator } from '../../src/etw/flat-async-generator.js';

async function* batches(closed: { value: boolean }): AsyncGenerator<readonly number[], void, undefined> {
  try {
    yield [1, 2];
    yield [];
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield [3];
  } finally {
    closed.value = true;
  }
}

describe('FlatAsyncGenerator', () => {
  it('gives the items of every batch in order, skipping empty ones', async () => {
    const seen: number[] = [];
    for await (const n of new FlatAsyncGenerator(batches({ value: false }))) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('serves overlapping next() calls in order', async () => {
    const g = new FlatAsyncGenerator(batches({ value: false }));
    const results = await Promise.all([g.next(), g.next(), g.next(), g.next(), g.next()]);
    expect(results).toEqual([
      { value: 1, done: false },
      { value: 2, done: false },
      { value: 3, done: false },
      { value: undefined, done: true },
      { value: undefined, done: true },
    ]);
  });

  it('closes the source on return() and on throw(), e.g. when a for-await loop breaks', async () => {
    const closed = { value: false };
    for await (const n of new FlatAsyncGenerator(batches(closed))) if (n === 1) break;
    expect(closed.value).toBe(true);
    const other = { value: false };
    const g = new FlatAsyncGenerator(batches(other));
    await g.next();
    await expect(g.throw(new Error('stop'))).rejects.toThrow('stop');
    expect(other.value).toBe(true);
    expect(await g.next()).toEqual({ value: undefined, done: true });
    expect(g[Symbol.asyncIterator]()).toBe(g);
  });
});
