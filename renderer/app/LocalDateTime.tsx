import { useEffect, useState } from 'react';
import { formatLocalDateTime, localDateTimeReady, prepareLocalDateTime } from './localDateTime';

/**
 * A moment (ISO 8601) in the reader's locale, as a `<time>`. The page's first one is written a frame after the
 * first paint: making the formatter costs 25–45 ms on a cold start, and the runbook's text comes first. Every
 * later one (the formatter made) is written at once.
 */
export function LocalDateTime({ iso }: { iso: string }) {
  const [ready, setReady] = useState(localDateTimeReady);
  useEffect(() => {
    if (ready) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame that paints the page, in a task of its own.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        prepareLocalDateTime();
        setReady(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready]);
  return <time dateTime={iso}>{ready ? formatLocalDateTime(iso) : ''}</time>;
}
