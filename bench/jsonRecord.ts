/**
 * How lunr and MiniSearch persist an index: as JSON text (MkDocs ships `search_index.json`; MiniSearch has
 * `loadJSON`). Large arrays are written as several JSON strings, because one string for a 10,000-runbook lunr
 * index would exceed V8's maximum string length; parsing the pieces costs the same as parsing one text.
 */
export type JsonRecord = Record<string, string | string[]>;

const CHUNK = 20_000;

export function toJsonRecord(value: object): JsonRecord {
  const record: JsonRecord = {};
  for (const [key, inner] of Object.entries(value)) {
    if (Array.isArray(inner) && inner.length > CHUNK) {
      const chunks: string[] = [];
      for (let i = 0; i < inner.length; i += CHUNK) chunks.push(JSON.stringify(inner.slice(i, i + CHUNK)));
      record[key] = chunks;
    } else {
      record[key] = JSON.stringify(inner ?? null);
    }
  }
  return record;
}

export function fromJsonRecord<T>(record: JsonRecord): T {
  const value: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(record)) {
    value[key] = Array.isArray(text) ? text.flatMap((chunk) => JSON.parse(chunk) as unknown[]) : JSON.parse(text);
  }
  return value as T;
}

export function jsonRecordBytes(record: JsonRecord): number {
  let bytes = 0;
  for (const text of Object.values(record)) for (const chunk of Array.isArray(text) ? text : [text]) bytes += Buffer.byteLength(chunk);
  return bytes;
}
