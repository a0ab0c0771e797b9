import { describe, expect, it } from 'vitest';
import { readRunbookStatus, RUNBOOK_STATUSES, runbookStatusOrder } from '../../../core/runbook/runbookStatus';

describe('readRunbookStatus', () => {
  it('knows four statuses', () => {
    expect(RUNBOOK_STATUSES).toEqual(['active', 'draft', 'deprecated', 'archived']);
  });

  it.each([
    [undefined, 'active', true],
    ['', 'active', true],
    ['active', 'active', true],
    ['Draft', 'draft', true],
    [' DEPRECATED ', 'deprecated', true],
    ['archived', 'archived', true],
    ['retired', 'archived', false],
    ['obsolete', 'deprecated', false],
    ['WIP', 'draft', false],
    ['proposed', 'draft', false],
    ['production', 'active', false],
    ['actvie', 'active', false],
  ])('%j is read as %s (known: %s)', (written, readAs, known) => {
    expect(readRunbookStatus(written)).toEqual({ readAs, known });
  });
});

describe('runbookStatusOrder', () => {
  it('puts current procedures first and retired ones last; an unknown value sorts as active', () => {
    const written = ['archived', 'bogus', 'deprecated', 'draft', '', 'retired'];
    const sorted = [...written].sort((a, b) => runbookStatusOrder(a) - runbookStatusOrder(b));
    expect(sorted).toEqual(['bogus', '', 'draft', 'deprecated', 'archived', 'retired']);
    expect(runbookStatusOrder(undefined)).toBe(runbookStatusOrder('active'));
  });
});
