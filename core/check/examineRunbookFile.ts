import { decodeRunbookText } from '../ingest/decodeRunbookText';
import { ingestRunbook } from '../ingest/ingestRunbook';
import type { RunbookMeta, SkippedFile, SourceFile } from '../model';
import { findEmergencyContactGap, type EmergencyContactGap } from './findEmergencyContactGap';
import { locateFrontMatterLines, type FrontMatterLines } from './locateFrontMatterLines';

/** The source id the checker ingests under; it never reaches a cache. */
export const CHECK_SOURCE_ID = 'check';

/**
 * What the checker needs to know about one file, gathered by the app's own ingest. Plain data (it survives
 * structured cloning and JSON), so it can be produced in parallel or kept between runs.
 */
export type ExaminedFile =
  | { kind: 'runbook'; meta: RunbookMeta; lines: FrontMatterLines; contactGap?: EmergencyContactGap }
  | { kind: 'skipped'; skipped: SkippedFile };

/** Ingests one Markdown file exactly as the app does and adds where its front-matter keys are. */
export function examineRunbookFile(file: SourceFile): ExaminedFile {
  const result = ingestRunbook(CHECK_SOURCE_ID, file);
  if (result.kind === 'skipped') return { kind: 'skipped', skipped: result.skipped };
  const { meta, body } = result;
  const decoded = decodeRunbookText(file.bytes);
  const lines = decoded.ok ? locateFrontMatterLines(decoded.text, body.bodyLine, meta.aliases) : { keys: {}, aliases: {} };
  const examined: ExaminedFile = { kind: 'runbook', meta, lines };
  const gap = findEmergencyContactGap(meta, body, lines.keys.tags);
  if (gap) examined.contactGap = gap;
  return examined;
}
