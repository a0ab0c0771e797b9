import type { SyncProgress } from '../../core/sync/syncGitSource';

/** The smallest step of the bar worth a message to the page (each one re-renders the Sources screen). */
const PERCENT_STEP = 5;

/**
 * Passes on a sync's progress with fewer messages: every change of phase, the first figure of a phase, 100 %,
 * and otherwise a figure only once it moved `PERCENT_STEP` points past the last one passed on. The engine
 * reports every percent of downloading and of reading runbooks (about 200 for a large first sync), and each
 * message made the page draw the Sources screen again while the worker was busiest.
 */
export function thinProgress(send: (progress: SyncProgress) => void): (progress: SyncProgress) => void {
  let last: SyncProgress | undefined;
  return (progress) => {
    const sameFigure = last?.phase === progress.phase && last.percent === progress.percent;
    const smallStep =
      last?.phase === progress.phase &&
      last.percent !== undefined &&
      progress.percent !== undefined &&
      progress.percent !== 100 &&
      progress.percent - last.percent < PERCENT_STEP;
    if (sameFigure || smallStep) return;
    last = progress;
    send(progress);
  };
}
