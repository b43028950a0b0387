/** Builds a string out of pieces of a raw text while recording, for every output char, the
 *  offset in the raw text it came from (see CleanedText.sourceOffsets). */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly offsets: number[] = [];
  private lastWasSpace = false;
  /** Raw offset just after the last copied char: where inserted whitespace maps to. */
  private rawCursor = 0;

  constructor(private readonly raw: string) {}

  /** Current length of the built text. */
  get length(): number {
    return this.offsets.length;
  }

  /** Copies raw[start, end), keeping only the first char of each whitespace run. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    const slice = this.raw.slice(start, end);
    if (!/\s\s/.test(slice) && !(this.lastWasSpace && /^\s/.test(slice))) {
      this.parts.push(slice); // the common case: nothing to collapse
      for (let i = start; i < end; i++) this.offsets.push(i);
      this.lastWasSpace = /\s$/.test(slice);
    } else {
      this.copyCollapsing(slice, start);
    }
    this.rawCursor = end;
  }

  private copyCollapsing(slice: string, start: number): void {
    for (let i = 0; i < slice.length; i++) {
      const isSpace = /\s/.test(slice[i]!);
      if (isSpace && this.lastWasSpace) continue;
      this.parts.push(slice[i]!);
      this.offsets.push(start + i);
      this.lastWasSpace = isSpace;
    }
  }

  /** Inserts whitespace that is not in the raw text (a block break or a joining space);
   *  it maps to the raw offset just after the last copied char. */
  insert(whitespace: string): void {
    for (const ch of whitespace) {
      this.parts.push(ch);
      this.offsets.push(this.rawCursor);
    }
    this.lastWasSpace = true;
  }

  /** The text and its offsets; the offsets have one extra final entry (the end). Call once. */
  finish(): { text: string; sourceOffsets: number[] } {
    this.offsets.push(this.rawCursor);
    return { text: this.parts.join(''), sourceOffsets: this.offsets };
  }
}
