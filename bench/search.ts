/**
 * Search benchmark: `npm run bench:search -- --docs N [--with-minisearch]`.
 *
 * Generates N runbooks deterministically, indexes them with the project's search index and with lunr (and,
 * with `--with-minisearch`, MiniSearch as it comes and tuned) in the same process, and prints one JSON object:
 * build time, serialized size, load time, per-keystroke query latency (p50/p95/max) and heap after load.
 * Progress goes to stderr.
 */
import v8 from 'node:v8';
import lunr from 'lunr';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { ingestRunbook } from '../core/ingest/ingestRunbook';
import { buildSearchIndex, type RunbookToIndex } from '../core/search/buildSearchIndex';
import { searchRunbooks } from '../core/search/searchRunbooks';
import { loadSearchIndex, serializeSearchIndex } from '../core/search/serializeSearchIndex';
import { benchSearchQueries } from './benchSearchQueries';
import { generateRunbookCorpus } from './generateRunbookCorpus';
import { buildLunrIndex, searchLunr } from './lunrBaseline';
import { fromJsonRecord, jsonRecordBytes, toJsonRecord, type JsonRecord } from './jsonRecord';
import { buildMiniSearch, miniSearchDefault, miniSearchTuned, type MiniSearchVariant } from './miniSearchVariants';

interface EngineFigures {
  name: string;
  buildMs: number;
  bytes: number;
  loadMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  heapMB: number;
  keystrokes: number;
}

interface Engine<Index, Stored> {
  name: string;
  build(runbooks: readonly RunbookToIndex[]): Index;
  /** The index in its persisted form, and that form's size in bytes. */
  persist(index: Index): { stored: Stored; bytes: number };
  /** Reading the persisted form back and making it searchable (what happens at start). */
  restore(stored: Stored): Index;
  query(index: Index, text: string): unknown;
}

const args = process.argv.slice(2);
const docs = Number(valueOf('--docs') ?? 1000);
if (!Number.isInteger(docs) || docs <= 0) {
  process.stderr.write('Usage: npm run bench:search -- --docs N [--with-minisearch]\n');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => process.stderr.write('(run with --expose-gc for heap figures)\n'));

// Each engine is persisted the way it is meant to be. This project's index is an IndexedDB record: kept in
// the structured-clone format (`v8.serialize`) and deserialized once when read back. lunr and MiniSearch are
// JSON text (MkDocs' `search_index.json`, MiniSearch's `loadJSON`), parsed when read back.
const projectEngine: Engine<ReturnType<typeof buildSearchIndex>, Buffer> = {
  name: 'runbook-reader',
  build: (runbooks) => buildSearchIndex(runbooks),
  persist: (index) => {
    const stored = v8.serialize(serializeSearchIndex(index));
    return { stored, bytes: stored.length };
  },
  restore: (stored) => loadSearchIndex(readRecord(stored)),
  query: (index, text) => searchRunbooks(index, text),
};

const lunrEngine: Engine<lunr.Index, JsonRecord> = {
  name: 'lunr',
  build: buildLunrIndex,
  persist: (index) => {
    const stored = toJsonRecord(index.toJSON());
    return { stored, bytes: jsonRecordBytes(stored) };
  },
  restore: (stored) => lunr.Index.load(fromJsonRecord(stored)),
  query: searchLunr,
};

function miniSearchEngine(variant: MiniSearchVariant): Engine<MiniSearch, JsonRecord> {
  return {
    name: variant.name,
    build: (runbooks) => buildMiniSearch(variant, runbooks),
    persist: (index) => {
      const stored = toJsonRecord(index.toJSON());
      return { stored, bytes: jsonRecordBytes(stored) };
    },
    restore: (stored) => MiniSearch.loadJS(fromJsonRecord<AsPlainObject>(stored), variant.options),
    query: (index, text) => index.search(text, variant.search).slice(0, 60),
  };
}

async function measure<I, S>(engine: Engine<I, S>, runbooks: readonly RunbookToIndex[], queries: string[]): Promise<EngineFigures> {
  log(`${engine.name}: building`);
  await settle();
  let start = performance.now();
  let built: I | undefined = engine.build(runbooks);
  const buildMs = performance.now() - start;
  const { stored, bytes } = engine.persist(built);
  built = undefined;

  log(`${engine.name}: loading`);
  const loadTimes: number[] = [];
  let index: I | undefined;
  await settle();
  const before = memory();
  for (let i = 0; i < 3; i++) {
    index = undefined;
    await settle();
    start = performance.now();
    index = engine.restore(stored);
    loadTimes.push(performance.now() - start);
  }
  await settle();
  const heapMB = (memory() - before) / 2 ** 20;

  log(`${engine.name}: querying`);
  for (const q of queries.slice(0, 10)) typeEachKeystroke(q, (text) => engine.query(index!, text));
  const times: number[] = [];
  for (const q of queries) {
    typeEachKeystroke(q, (text) => {
      const t = performance.now();
      engine.query(index!, text);
      times.push(performance.now() - t);
      if (times.length % 250 === 0) log(`${engine.name}: ${times.length} keystrokes`);
    });
  }
  times.sort((a, b) => a - b);
  return {
    name: engine.name,
    buildMs: round(buildMs),
    bytes,
    loadMs: round(median(loadTimes)),
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    maxMs: round(times[times.length - 1]!),
    heapMB: round(heapMB),
    keystrokes: times.length,
  };
}

/**
 * Deserializes a stored record the way IndexedDB hands it back: every binary array in its own memory. (Node's
 * `v8.deserialize` returns typed arrays that are views into the input buffer; a browser copies them out.)
 */
function readRecord<T>(record: Buffer): T {
  // Binary arrays sit at most two levels deep in the stored forms (the project's posting lists).
  const copyViews = (value: unknown, depth: number): unknown => {
    if (ArrayBuffer.isView(value)) return (value as Uint8Array).slice();
    if (depth === 0 || Array.isArray(value) || value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) object[key] = copyViews(object[key], depth - 1);
    return object;
  };
  return copyViews(v8.deserialize(record), 2) as T;
}

function typeEachKeystroke(query: string, run: (text: string) => void): void {
  for (let i = 1; i <= query.length; i++) run(query.slice(0, i));
}

/** A full collection, with time for array buffers to be released (that happens after the collection). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  log(`generating ${docs} runbooks`);
  const runbooks: RunbookToIndex[] = [];
  for (const file of generateRunbookCorpus(docs)) {
    const result = ingestRunbook('bench', { path: file.path, bytes: new TextEncoder().encode(file.text) });
    if (result.kind === 'runbook') runbooks.push(result);
  }
  const queries = benchSearchQueries();
  const engine = await measure(projectEngine, runbooks, queries);
  const baseline = await measure(lunrEngine, runbooks, queries);
  const extra: Record<string, EngineFigures> = {};
  if (args.includes('--with-minisearch')) {
    for (const variant of [miniSearchDefault, miniSearchTuned]) extra[variant.name] = await measure(miniSearchEngine(variant), runbooks, queries);
  }
  const result = { docs, engine, lunr: baseline, ratioP95: round(baseline.p95Ms / engine.p95Ms), ...extra };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function log(message: string): void {
  process.stderr.write(`[bench:search] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
