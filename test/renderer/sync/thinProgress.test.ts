import { describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../core/sync/syncGitSource';
import { thinProgress } from '../../../renderer/sync/thinProgress';

function passedOn(reports: SyncProgress[]): SyncProgress[] {
  const sent: SyncProgress[] = [];
  const report = thinProgress((progress) => sent.push(progress));
  reports.forEach(report);
  return sent;
}

describe('thinning a sync’s progress for the page', () => {
  it('passes on every phase change, the first figure of a phase and 100 %, and figures 5 points apart', () => {
    const reading = Array.from({ length: 101 }, (_, percent): SyncProgress => ({ phase: 'parsing', percent }));
    const sent = passedOn([
      { phase: 'connecting' },
      { phase: 'fetching' },
      { phase: 'reading' },
      ...reading,
      { phase: 'done', percent: 100 },
    ]);
    expect(sent.map((p) => `${p.phase}${p.percent === undefined ? '' : ` ${p.percent}`}`)).toEqual([
      'connecting',
      'fetching',
      'reading',
      ...Array.from({ length: 21 }, (_, i) => `parsing ${i * 5}`),
      'done 100',
    ]);
  });

  it('never holds back the end of a phase, even a step of one point', () => {
    expect(
      passedOn([
        { phase: 'fetching', percent: 97 },
        { phase: 'fetching', percent: 100 },
      ]),
    ).toEqual([
      { phase: 'fetching', percent: 97 },
      { phase: 'fetching', percent: 100 },
    ]);
  });

  it('passes on a phase that comes back (a second fetch after a damaged store was started over)', () => {
    const sent = passedOn([{ phase: 'fetching', percent: 40 }, { phase: 'connecting' }, { phase: 'fetching', percent: 41 }]);
    expect(sent).toHaveLength(3);
  });

  it('drops a repeated report', () => {
    expect(passedOn([{ phase: 'connecting' }, { phase: 'connecting' }])).toEqual([{ phase: 'connecting' }]);
  });
});
