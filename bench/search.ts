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
import { loadSearchIndex, serializeSearchIndex, type SerializedSearchIndex } from '../core/search/serializeSearchIndex';
import { benchSearchQueries } from './benchSearchQueries';
import { generateRunbookCorpus } from './generateRunbookCorpus';
import { buildLunrIndex, searchLunr } from './lunrBaseline';
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
  /** The form persisted in IndexedDB (a structured-cloneable value). */
  store(index: Index): Stored;
  load(stored: Stored): Index;
  query(index: Index, text: string): unknown;
}

const args = process.argv.slice(2);
const docs = Number(valueOf('--docs') ?? 1000);
if (!Number.isInteger(docs) || docs <= 0) {
  process.stderr.write('Usage: npm run bench:search -- --docs N [--with-minisearch]\n');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => process.stderr.write('(run with --expose-gc for heap figures)\n'));

// Every engine's index is persisted the same way: its serializable form, stored and read back through the
// structured clone algorithm (what IndexedDB does). `bytes` is that form's structured-clone size. (JSON text
// would also exceed V8's string limit for lunr at 10,000 runbooks.)
const projectEngine: Engine<ReturnType<typeof buildSearchIndex>, SerializedSearchIndex> = {
  name: 'runbook-reader',
  build: (runbooks) => buildSearchIndex(runbooks),
  store: serializeSearchIndex,
  load: loadSearchIndex,
  query: (index, text) => searchRunbooks(index, text),
};

const lunrEngine: Engine<lunr.Index, object> = {
  name: 'lunr',
  build: buildLunrIndex,
  store: (index) => index.toJSON(),
  load: (stored) => lunr.Index.load(stored),
  query: searchLunr,
};

function miniSearchEngine(variant: MiniSearchVariant): Engine<MiniSearch, AsPlainObject> {
  return {
    name: variant.name,
    build: (runbooks) => buildMiniSearch(variant, runbooks),
    store: (index) => index.toJSON(),
    load: (stored) => MiniSearch.loadJS(stored, variant.options),
    query: (index, text) => index.search(text, variant.search).slice(0, 60),
  };
}

function measure<I, S>(engine: Engine<I, S>, runbooks: readonly RunbookToIndex[], queries: string[]): EngineFigures {
  log(`${engine.name}: building`);
  gc();
  let start = performance.now();
  let built: I | undefined = engine.build(runbooks);
  const buildMs = performance.now() - start;
  const stored = engine.store(built);
  const bytes = v8.serialize(stored).length;
  built = undefined;

  log(`${engine.name}: loading`);
  const loadTimes: number[] = [];
  let index: I | undefined;
  gc();
  const before = memory();
  for (let i = 0; i < 3; i++) {
    index = undefined;
    gc();
    start = performance.now();
    // Reading the record back from IndexedDB (a structured clone), then turning it into a searchable index.
    index = engine.load(structuredClone(stored));
    loadTimes.push(performance.now() - start);
  }
  gc();
  const heapMB = (memory() - before) / 2 ** 20;

  log(`${engine.name}: querying`);
  for (const q of queries.slice(0, 10)) typeEachKeystroke(q, (text) => engine.query(index!, text));
  const times: number[] = [];
  for (const q of queries) {
    typeEachKeystroke(q, (text) => {
      const t = performance.now();
      engine.query(index!, text);
      times.push(performance.now() - t);
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

function typeEachKeystroke(query: string, run: (text: string) => void): void {
  for (let i = 1; i <= query.length; i++) run(query.slice(0, i));
}

function main(): void {
  log(`generating ${docs} runbooks`);
  const runbooks: RunbookToIndex[] = [];
  for (const file of generateRunbookCorpus(docs)) {
    const result = ingestRunbook('bench', { path: file.path, bytes: new TextEncoder().encode(file.text) });
    if (result.kind === 'runbook') runbooks.push(result);
  }
  const queries = benchSearchQueries();
  const engine = measure(projectEngine, runbooks, queries);
  const baseline = measure(lunrEngine, runbooks, queries);
  const extra: Record<string, EngineFigures> = {};
  if (args.includes('--with-minisearch')) {
    for (const variant of [miniSearchDefault, miniSearchTuned]) extra[variant.name] = measure(miniSearchEngine(variant), runbooks, queries);
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

main();
