/**
 * The version of what ingest records (in a module of its own, so the page's start code can compare it
 * without loading ingest and its parsers). Bump when ingest produces different records for the same bytes (a new field, a parsing fix), so that
 * caches filled by an older app version are re-read instead of trusted.
 */
// 7: plain-text files (scripts, configuration, logs) are kept as assets, so caches read them once.
// 8: bodies carry their checklist steps, so opening a long runbook no longer parses it on the page.
export const INGEST_VERSION = 8;
