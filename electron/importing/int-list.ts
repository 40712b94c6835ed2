// A growable Int32Array: millions of offsets or row numbers without a JS array of doubles.
export class IntList {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  take(): Int32Array {
    const taken = this.data.slice(0, this.length);
    this.length = 0;
    return taken;
  }
}
