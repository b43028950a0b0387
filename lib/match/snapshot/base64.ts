/** Typed array -> base64 of its bytes (platform byte order, little-endian everywhere we run). */
export function toBase64(array: Uint32Array | Uint16Array | Uint8Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  }
  return btoa(chunks.join(''));
}

/** base64 -> bytes; null when the text is not base64. */
export function bytesFromBase64(text: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** base64 -> Uint32Array; null when malformed (not base64 or not a whole number of words). */
export function uint32FromBase64(text: string): Uint32Array | null {
  const bytes = bytesFromBase64(text);
  return bytes && bytes.length % 4 === 0 ? new Uint32Array(bytes.buffer, 0, bytes.length / 4) : null;
}

/** base64 -> Uint16Array; null when malformed. */
export function uint16FromBase64(text: string): Uint16Array | null {
  const bytes = bytesFromBase64(text);
  return bytes && bytes.length % 2 === 0 ? new Uint16Array(bytes.buffer, 0, bytes.length / 2) : null;
}
