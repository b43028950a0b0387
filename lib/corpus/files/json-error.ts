/** Where and why a JSON text fails to parse: 1-based line and column plus a short reason. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Finds the first syntax error in `text` (JSON.parse's messages in Node 20 do not always give
 *  a position, so the file's line number is found by scanning); null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return null;
  } catch (e) {
    if (!(e instanceof ScanStop)) return null; // too deeply nested to scan: the caller still says "invalid"
    return describe(text, e.offset);
  }
}

class ScanStop {
  constructor(readonly offset: number) {}
}

/** A recursive-descent pass over JSON that only checks syntax; it throws ScanStop at the
 *  first offset where the text stops being JSON. */
class JsonScanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skipSpace();
    if (this.i < this.text.length) this.stop();
  }

  private value(): void {
    this.skipSpace();
    const { text, i } = this;
    const ch = text[i];
    if (ch === '{') return this.list('}', () => this.member());
    if (ch === '[') return this.list(']', () => this.value());
    if (ch === '"') return this.string();
    const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (literal) return void (this.i += literal.length);
    NUMBER.lastIndex = i;
    if (!NUMBER.exec(text)) this.stop();
    this.i = NUMBER.lastIndex;
  }

  private member(): void {
    this.skipSpace();
    if (this.text[this.i] !== '"') this.stop();
    this.string();
    this.expect(':');
    this.value();
  }

  private list(close: string, item: () => void): void {
    this.i++; // opening bracket
    this.skipSpace();
    if (this.text[this.i] === close) return void this.i++;
    for (;;) {
      item();
      this.skipSpace();
      if (this.text[this.i] !== ',') return this.expect(close);
      this.i++;
    }
  }

  private string(): void {
    const { text } = this;
    for (this.i++; this.i < text.length; this.i++) {
      const ch = text[this.i]!;
      if (ch === '"') return void this.i++;
      if (ch < ' ') this.stop();
      if (ch === '\\') this.escape();
    }
    this.stop();
  }

  private escape(): void {
    const next = this.text[++this.i] ?? '';
    if (next === 'u') {
      if (!/^[\da-f]{4}$/i.test(this.text.slice(this.i + 1, this.i + 5))) this.stop();
      this.i += 4;
    } else if (!/["\\/bfnrt]/.test(next)) this.stop();
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.text[this.i] !== ch) this.stop();
    this.i++;
  }

  private skipSpace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  private stop(): never {
    throw new ScanStop(this.i);
  }
}

function describe(text: string, offset: number): JsonSyntaxError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const reason = offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[offset])}`;
  return { offset, line, column, reason };
}
