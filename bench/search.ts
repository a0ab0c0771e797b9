/**
 * Search benchmark: `npm run bench:search -- --docs N [--with-minisearch] [--baseline-keystrokes K]`.
 *
 * Generates N runbooks deterministically, indexes them with the project's search index and with lunr (and,
 * with `--with-minisearch`, MiniSearch as it comes and tuned) in the same process, and prints one JSON object:
 * build time, stored size, load time, per-keystroke query latency (p50/p95/max) and heap after load, the
 * project index's load from JSON for comparison, and its latency on hostile input. Progress goes to stderr.
 *
 * The project's engine is timed on every keystroke. Above 2,000 runbooks the baselines are timed on an evenly
 * spaced sample of 80 of the same keystrokes (`--baseline-keystrokes K` to change it): lunr takes seconds per
 * keystroke at 10,000 runbooks, and typing all of them would take most of an hour. `keystrokes` in each
 * engine's figures says how many were timed.
 */
import os from 'node:os';
import v8 from 'node:v8';
import lunr from 'lunr';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { ingestRunbook } from '../core/ingest/ingestRunbook';
import { buildSearchIndex, type RunbookToIndex } from '../core/search/buildSearchIndex';
import { searchRunbooks } from '../core/search/searchRunbooks';
import { loadSearchIndex, serializeSearchIndex } from '../core/search/serializeSearchIndex';
import { benchBadQueries, benchSearchQueries } from './benchSearchQueries';
import { generateRunbookCorpus } from './generateRunbookCorpus';
import { fromJsonRecord, jsonRecordBytes, toJsonRecord, type JsonRecord } from './jsonRecord';
import { buildLunrIndex, searchLunr } from './lunrBaseline';
import { buildMiniSearch, miniSearchDefault, miniSearchTuned, type MiniSearchVariant } from './miniSearchVariants';

interface EngineFigures {
  name: string;
  buildMs: number;
  bytes: number;
  /** Median of up to three loads of the stored form (one when a load takes more than a few seconds). */
  loadMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  heapMB: number;
  /** Keystrokes timed (all of them, or a sample for a slow baseline). */
  keystrokes: number;
  /** The first keystroke after the load, before any warm-up: what the user waits for right after start. */
  firstQueryMs: number;
  /**
   * The same keystrokes in CPU time of the whole process instead of elapsed time: not inflated by waiting for
   * a core on a busy machine, but it includes V8's helper threads (garbage collection, compilation), so it can
   * exceed the elapsed time.
   */
  cpuP50Ms: number;
  cpuP95Ms: number;
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

const USAGE = 'Usage: npm run bench:search -- --docs N [--with-minisearch] [--baseline-keystrokes K]\n';
const args = process.argv.slice(2);
const docs = Number(valueOf('--docs') ?? 1000);
/** Baselines type every keystroke up to this many runbooks, a sample above. */
const FULL_BASELINE_UP_TO = 2000;
const baselineKeystrokes = Number(valueOf('--baseline-keystrokes') ?? (docs <= FULL_BASELINE_UP_TO ? Infinity : 80));
if (
  !Number.isInteger(docs) ||
  docs <= 0 ||
  !(baselineKeystrokes === Infinity || (Number.isInteger(baselineKeystrokes) && baselineKeystrokes > 0))
) {
  process.stderr.write(USAGE);
  process.exit(2);
}
/** A load slower than this is not repeated (lunr at 10,000 runbooks takes tens of seconds). */
const REPEAT_LOAD_UNDER_MS = 5000;
/** Keystrokes of hostile input typed one by one (a 10,000-character paste is timed whole as well). */
const TYPED_BAD_CHARACTERS = 64;
const PROGRESS_EVERY_MS = 15_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => process.stderr.write('(run with --expose-gc for heap figures)\n'));

// Each engine is persisted the way it is meant to be. This project's index is an IndexedDB record: kept in
// the structured-clone format (`v8.serialize`, the format Chromium's IndexedDB writes) and deserialized when
// read back. lunr and MiniSearch are JSON text (MkDocs' `search_index.json`, MiniSearch's `loadJSON`).
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

interface Measured<I> {
  figures: EngineFigures;
  /** The loaded index, for measurements that follow (only kept when asked for). */
  index: I | undefined;
}

async function measure<I, S>(
  engine: Engine<I, S>,
  runbooks: readonly RunbookToIndex[],
  keystrokes: string[],
  keepIndex = false,
): Promise<Measured<I>> {
  log(`${engine.name}: building ${runbooks.length} runbooks`);
  await settle();
  let start = performance.now();
  let built: I | undefined = engine.build(runbooks);
  const buildMs = performance.now() - start;
  log(`${engine.name}: built in ${Math.round(buildMs)} ms; persisting`);
  const { stored, bytes } = engine.persist(built);
  // eslint-disable-next-line no-useless-assignment -- drops the built index so the GC can reclaim it before memory is measured
  built = undefined;

  log(`${engine.name}: loading`);
  const loadTimes: number[] = [];
  let index: I | undefined;
  await settle();
  const before = memory();
  for (let i = 0; i < 3; i++) {
    // eslint-disable-next-line no-useless-assignment -- drops the previous load so the GC can reclaim it before timing the next
    index = undefined;
    await settle();
    start = performance.now();
    index = engine.restore(stored);
    loadTimes.push(performance.now() - start);
    if (loadTimes[i]! > REPEAT_LOAD_UNDER_MS) break;
  }
  await settle();
  const heapMB = (memory() - before) / 2 ** 20;

  start = performance.now();
  engine.query(index!, keystrokes[0]!);
  const firstQueryMs = performance.now() - start;

  const timed = keystrokes.length;
  log(`${engine.name}: warming up, then timing ${timed} keystrokes`);
  for (const text of keystrokes.slice(0, Math.min(100, Math.ceil(keystrokes.length / 10)))) engine.query(index!, text);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const started = performance.now();
  let reported = started;
  for (const text of keystrokes) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    engine.query(index!, text);
    const done = performance.now();
    const used = process.cpuUsage(cpu);
    times.push(done - t);
    cpuTimes.push((used.user + used.system) / 1000);
    if (done - reported > PROGRESS_EVERY_MS) {
      reported = done;
      log(
        `${engine.name}: ${times.length}/${timed} keystrokes, about ${Math.round(((timed - times.length) * (done - started)) / times.length / 1000)} s left`,
      );
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    figures: {
      name: engine.name,
      buildMs: round(buildMs),
      bytes,
      loadMs: round(median(loadTimes)),
      p50Ms: round(percentile(times, 0.5)),
      p95Ms: round(percentile(times, 0.95)),
      maxMs: round(times[times.length - 1]!),
      heapMB: round(heapMB),
      keystrokes: times.length,
      firstQueryMs: round(firstQueryMs),
      cpuP50Ms: round(percentile(cpuTimes, 0.5)),
      cpuP95Ms: round(percentile(cpuTimes, 0.95)),
    },
    index: keepIndex ? index : undefined,
  };
}

/**
 * The project index stored as JSON text instead (typed arrays as number arrays): what loading would cost if
 * the index were kept as JSON, next to the structured-clone form the app uses.
 */
function measureJsonForm(index: ReturnType<typeof buildSearchIndex>): { bytes: number; loadMs: number } {
  const plain = (value: unknown): unknown => (ArrayBuffer.isView(value) ? Array.from(value as Uint8Array) : value);
  const record: Record<string, unknown> = { ...serializeSearchIndex(index) };
  for (const [key, value] of Object.entries(record)) {
    record[key] =
      value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
        : plain(value);
  }
  // Section text is text: as a JSON string, not as a list of byte values.
  record.sectionText = new TextDecoder().decode(index.sections.text);
  const text = JSON.stringify(record);
  const kinds: Record<string, new (values: number[]) => ArrayBufferView> = {
    sectionRunbook: Uint32Array,
    sectionDepth: Uint8Array,
    sectionTextStart: Uint32Array,
  };
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const parsed = JSON.parse(text) as Record<string, unknown>;
    for (const [key, kind] of Object.entries(kinds)) parsed[key] = new kind(parsed[key] as number[]);
    parsed.sectionText = new TextEncoder().encode(parsed.sectionText as string);
    for (const key of ['runbookPostings', 'headingPostings', 'bodyPostings']) {
      const lists = parsed[key] as { start: number[]; doc: number[]; impact: number[]; scale: number };
      parsed[key] = {
        start: Uint32Array.from(lists.start),
        doc: Uint32Array.from(lists.doc),
        impact: Uint8Array.from(lists.impact),
        scale: lists.scale,
      };
    }
    loadSearchIndex(parsed);
    times.push(performance.now() - start);
  }
  return { bytes: Buffer.byteLength(text), loadMs: round(median(times)) };
}

/**
 * Hostile input: each query pasted whole and typed character by character (its first characters). Nothing
 * may throw, and each should answer within the same budget as ordinary typing. Each input is timed three
 * times and its median kept, so that one garbage collection or a busy neighbour on the machine does not pass
 * for a slow input.
 */
function measureBadInput(index: ReturnType<typeof buildSearchIndex>): {
  queries: number;
  keystrokes: number;
  errors: number;
  p95Ms: number;
  maxMs: number;
  slowest: string;
} {
  const queries = benchBadQueries();
  const times: number[] = [];
  let errors = 0;
  let slowest = { ms: -1, query: '' };
  const time = (text: string) => {
    const tries: number[] = [];
    let failed = false;
    let threw: unknown;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      try {
        searchRunbooks(index, text);
      } catch (error) {
        failed = true;
        threw = error;
      }
      tries.push(performance.now() - start);
    }
    if (failed) {
      errors++;
      log(`bad input ${JSON.stringify(text.slice(0, 40))} threw: ${threw instanceof Error ? threw.message : String(threw)}`);
    }
    const ms = median(tries);
    times.push(ms);
    if (ms > slowest.ms) slowest = { ms, query: text };
  };
  for (const query of queries) {
    time(query);
    for (let i = 1; i <= Math.min(query.length, TYPED_BAD_CHARACTERS); i++) time(query.slice(0, i));
  }
  times.sort((a, b) => a - b);
  const shown = slowest.query.length > 40 ? `${slowest.query.slice(0, 40)}… (${slowest.query.length} chars)` : slowest.query;
  return {
    queries: queries.length,
    keystrokes: times.length,
    errors,
    p95Ms: round(percentile(times, 0.95)),
    maxMs: round(times[times.length - 1]!),
    slowest: shown,
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

/** Every prefix of every query, in typing order. */
function typedKeystrokes(queries: string[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
}

/** `count` keystrokes spread evenly over the sequence (all of them when there are fewer). */
function sampleKeystrokes(keystrokes: string[], count: number): string[] {
  if (count >= keystrokes.length) return keystrokes;
  return Array.from({ length: count }, (_, i) => keystrokes[Math.floor((i * keystrokes.length) / count)]!);
}

/** A full collection, with time for array buffers to be released (that happens after the collection). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const loadAverageAtStart = os.loadavg()[0]!;
  const started = performance.now();
  log(`generating ${docs} runbooks`);
  const runbooks: RunbookToIndex[] = [];
  for (const file of generateRunbookCorpus(docs)) {
    const result = ingestRunbook('bench', { path: file.path, bytes: new TextEncoder().encode(file.text) });
    if (result.kind === 'runbook') runbooks.push(result);
  }
  const keystrokes = typedKeystrokes(benchSearchQueries());
  const sampled = sampleKeystrokes(keystrokes, baselineKeystrokes);

  const project = await measure(projectEngine, runbooks, keystrokes, true);
  log('runbook-reader: stored as JSON instead, for comparison');
  const jsonForm = measureJsonForm(project.index!);
  log('runbook-reader: hostile input');
  const badInput = measureBadInput(project.index!);
  project.index = undefined;

  const baseline = (await measure(lunrEngine, runbooks, sampled)).figures;
  const extra: Record<string, EngineFigures> = {};
  if (args.includes('--with-minisearch')) {
    for (const variant of [miniSearchDefault, miniSearchTuned])
      extra[variant.name] = (await measure(miniSearchEngine(variant), runbooks, sampled)).figures;
  }
  const engine = project.figures;
  const result = {
    docs,
    engine,
    lunr: baseline,
    ratioP95: round(baseline.p95Ms / engine.p95Ms),
    ...extra,
    storedForm: { structuredClone: { bytes: engine.bytes, loadMs: engine.loadMs }, json: jsonForm },
    badInput,
    machine: {
      cpus: os.availableParallelism(),
      node: process.version,
      loadAverage: { atStart: round(loadAverageAtStart), atEnd: round(os.loadavg()[0]!) },
      totalMinutes: round((performance.now() - started) / 60_000),
    },
  };
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
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const benchStarted = performance.now();

function log(message: string): void {
  process.stderr.write(`[bench:search +${Math.round((performance.now() - benchStarted) / 1000)}s] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
