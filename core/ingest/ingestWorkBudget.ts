/**
 * How much work ingest may spend on one file, in units of roughly one Markdown token or one character
 * examined. Counted rather than timed, so that ingest stays a pure function (the same bytes give the same
 * record on every machine, busy or not). A 2 MiB runbook of ordinary prose and lists spends about a
 * million; the limit leaves room for dense ones, and stops a file whose shape makes some step explode.
 */
export const DEFAULT_INGEST_WORK_UNITS = 20_000_000;

export class IngestBudgetExceeded extends Error {
  constructor(readonly step: string) {
    super(`reading it as Markdown took more work than one runbook may (at: ${step})`);
    this.name = 'IngestBudgetExceeded';
  }
}

/** A per-file allowance that each ingest step draws from; throws `IngestBudgetExceeded` when it runs out. */
export class IngestWorkBudget {
  private left: number;

  constructor(readonly limit: number = DEFAULT_INGEST_WORK_UNITS) {
    this.left = limit;
  }

  spend(units: number, step: string): void {
    this.left -= units;
    if (this.left < 0) throw new IngestBudgetExceeded(step);
  }
}
