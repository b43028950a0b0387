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
    for (let i = start; i < end; i++) {
      const ch = this.raw[i]!;
      const isSpace = /\s/.test(ch);
      if (isSpace && this.lastWasSpace) continue;
      this.parts.push(ch);
      this.offsets.push(i);
      this.lastWasSpace = isSpace;
    }
    if (end > start) this.rawCursor = end;
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

  /** The text and its offsets; the offsets have one extra final entry (the end). */
  finish(): { text: string; sourceOffsets: number[] } {
    return { text: this.parts.join(''), sourceOffsets: [...this.offsets, this.rawCursor] };
  }
}
