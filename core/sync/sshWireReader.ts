/**
 * Reads the SSH wire encoding (RFC 4251 §5) that public keys and SSH signatures use: big-endian
 * `uint32`, length-prefixed `string`s and `mpint`s. Every read is bounds-checked, so a cut or forged
 * blob throws `SshWireError` instead of reading past its end.
 */
export class SshWireError extends Error {
  override readonly name = 'SshWireError';
}

export class SshWireReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset === this.bytes.length;
  }

  raw(length: number): Uint8Array {
    if (length < 0 || this.offset + length > this.bytes.length) throw new SshWireError('the data ends too early');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  uint32(): number {
    const b = this.raw(4);
    return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
  }

  bytesString(): Uint8Array {
    return this.raw(this.uint32());
  }

  text(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytesString());
  }

  /** An `mpint` as its unsigned big-endian magnitude (the sign byte Git keys carry is dropped). */
  unsignedMpint(): Uint8Array {
    const value = this.bytesString();
    if (value.length > 0 && (value[0]! & 0x80) !== 0) throw new SshWireError('a negative number where a key number belongs');
    let start = 0;
    while (start < value.length && value[start] === 0) start++;
    return value.subarray(start);
  }
}

/** `string` of the SSH wire encoding: a `uint32` length, then the bytes. */
export function sshString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Standard base64 (with or without padding) to bytes; undefined for anything else. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  try {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
