type TypedArray = Uint8Array | Uint32Array | Float32Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** An append-only typed array that doubles its capacity as needed; `toArray()` returns an exact-size copy. */
export class GrowableArray<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly kind: TypedArrayConstructor<T>,
    initialCapacity = 1024,
  ) {
    this.data = new kind(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  pushAll(values: ArrayLike<number>): void {
    if (this.length + values.length > this.data.length) this.grow(this.length + values.length);
    (this.data as Uint8Array).set(values, this.length);
    this.length += values.length;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }

  private grow(min: number): void {
    let capacity = this.data.length * 2;
    while (capacity < min) capacity *= 2;
    const next = new this.kind(capacity);
    (next as Uint8Array).set(this.data);
    this.data = next;
  }
}
