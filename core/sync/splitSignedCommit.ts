/** A commit object split into what its signature covers and the signature itself. */
export interface SplitCommit {
  /** The commit exactly as signed: every byte but the `gpgsig` header and its continuation lines. */
  payload: Uint8Array;
  /** The `gpgsig` header's value (its lines joined with `\n`), or undefined for an unsigned commit. */
  signature: string | undefined;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const GPGSIG = new TextEncoder().encode('gpgsig ');

/**
 * Splits a raw commit object (`git cat-file commit`) as `git verify-commit` does: the headers end at the
 * first empty line; the `gpgsig` header runs on over the following lines that start with a space. Works on
 * bytes, so a commit in another encoding than UTF-8 is still checked against exactly what was signed.
 */
export function splitSignedCommit(commit: Uint8Array): SplitCommit {
  const kept: Uint8Array[] = [];
  const signatureLines: Uint8Array[] = [];
  let inSignature = false;
  let found = false;
  let at = 0;
  while (at < commit.length) {
    const newline = commit.indexOf(NEWLINE, at);
    const end = newline === -1 ? commit.length : newline + 1;
    const line = commit.subarray(at, end);
    if (line.length === 1 && line[0] === NEWLINE) {
      // The message starts here; nothing after this is a header.
      kept.push(commit.subarray(at));
      break;
    }
    if (inSignature && line[0] === SPACE) {
      signatureLines.push(line.subarray(1));
    } else if (!found && startsWith(line, GPGSIG)) {
      found = true;
      inSignature = true;
      signatureLines.push(line.subarray(GPGSIG.length));
    } else {
      inSignature = false;
      kept.push(line);
    }
    at = end;
  }
  const decoder = new TextDecoder();
  return {
    payload: join(kept),
    signature: found ? signatureLines.map((line) => decoder.decode(line).replace(/\r?\n$/, '')).join('\n') : undefined,
  };
}

function startsWith(line: Uint8Array, prefix: Uint8Array): boolean {
  return line.length >= prefix.length && prefix.every((byte, i) => line[i] === byte);
}

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
