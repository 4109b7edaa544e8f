/**
 * An async generator over the items of batches that arrive asynchronously. `async function*` costs two
 * promise ticks per `yield`; here an item from the current batch costs one already-resolved promise, which
 * halves the per-event overhead of the reader. Calls to `next` may overlap: they are served in order.
 */
export class FlatAsyncGenerator<T> implements AsyncGenerator<T, void, undefined> {
  private batch: readonly T[] = [];
  private index = 0;
  private finished = false;
  private pulling: Promise<IteratorResult<T, void>> | undefined;

  constructor(private readonly batches: AsyncGenerator<readonly T[], void, undefined>) {}

  next(): Promise<IteratorResult<T, void>> {
    if (this.pulling !== undefined) return this.pulling.then(() => this.next());
    if (this.index < this.batch.length) return Promise.resolve({ value: this.batch[this.index++], done: false });
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    const pulling = this.pull();
    this.pulling = pulling;
    return pulling.finally(() => {
      if (this.pulling === pulling) this.pulling = undefined;
    });
  }

  async return(): Promise<IteratorResult<T, void>> {
    this.finish();
    await this.batches.return(undefined);
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T, void>> {
    this.finish();
    await this.batches.return(undefined);
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    this.finished = true;
    this.batch = [];
    this.index = 0;
  }

  private async pull(): Promise<IteratorResult<T, void>> {
    for (;;) {
      const result = await this.batches.next();
      if (result.done === true) {
        this.finish();
        return { value: undefined, done: true };
      }
      if (result.value.length > 0) {
        this.batch = result.value;
        this.index = 1;
        return { value: result.value[0], done: false };
      }
    }
  }
}
