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
  let i = 0;
  const stop = (): never => {
    throw new ScanStop(i);
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (ch: string): void => {
    skipSpace();
    if (text[i] !== ch) stop();
    i++;
  };
  const string = (): void => {
    i++; // opening quote
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch < ' ') stop();
      if (ch === '\\') {
        i++;
        if (text[i] === 'u' ? !/^[\da-f]{4}$/i.test(text.slice(i + 1, i + 5)) : !/["\\/bfnrt]/.test(text[i] ?? '')) stop();
        if (text[i] === 'u') i += 4;
      }
    }
    stop();
  };
  const list = (close: string, item: () => void): void => {
    i++; // opening bracket
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      skipSpace();
      if (text[i] === ',') i++;
      else return expect(close);
    }
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') return list('}', () => (skipSpace(), text[i] === '"' ? string() : stop(), expect(':'), value()));
    if (ch === '[') return list(']', value);
    if (ch === '"') return string();
    const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (literal) return void (i += literal.length);
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) return void (i = NUMBER.lastIndex);
    stop();
  };
  try {
    value();
    skipSpace();
    if (i < text.length) stop();
    return null;
  } catch (e) {
    if (!(e instanceof ScanStop)) return null; // too deeply nested to scan: let the caller say "invalid"
    return describe(text, e.offset);
  }
}

class ScanStop {
  constructor(readonly offset: number) {}
}

function describe(text: string, offset: number): JsonSyntaxError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const reason = offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[offset])}`;
  return { offset, line, column, reason };
}
