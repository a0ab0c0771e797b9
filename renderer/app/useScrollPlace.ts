import { useEffect, useLayoutEffect } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router-dom';

const KEY_PREFIX = 'rr-scroll:';

/**
 * Keeps the reader's place: a link to a section scrolls to it; back, forward and reload return to where
 * the page was left (positions kept per history entry in sessionStorage, which survives a reload).
 * `contentKey` names what is shown, so the place is found again once the new page's content is there.
 */
export function useScrollPlace(contentReady: boolean, section: string | undefined, contentKey: string): void {
  const location = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    let frame = 0;
    const save = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        try {
          sessionStorage.setItem(KEY_PREFIX + location.key, String(Math.round(window.scrollY)));
        } catch {
          // Storage can be full or disabled; losing the scroll position is harmless.
        }
      });
    };
    window.addEventListener('scroll', save, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', save);
    };
  }, [location.key]);

  useLayoutEffect(() => {
    if (!contentReady) return;
    const saved = readSaved(location.key);
    if (navigationType === NavigationType.Pop && saved !== undefined) {
      window.scrollTo(0, saved);
      return;
    }
    if (section) {
      const target = document.getElementById(section);
      if (target) {
        target.scrollIntoView({ block: 'start' });
        target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
        return;
      }
    }
    window.scrollTo(0, 0);
  }, [contentReady, location.key, section, navigationType, contentKey]);
}

function readSaved(key: string): number | undefined {
  try {
    const value = sessionStorage.getItem(KEY_PREFIX + key);
    return value === null ? undefined : Number(value);
  } catch {
    return undefined;
  }
}
