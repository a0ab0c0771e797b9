import { useCallback, useState } from 'react';

/** How far outside the screen an element counts as near: an image is read this much before it scrolls in. */
export const NEAR_VIEWPORT_MARGIN = '800px 0px';

/**
 * True once the element given to the returned ref has come within `NEAR_VIEWPORT_MARGIN` of the screen,
 * and from then on. Where the browser has no IntersectionObserver, everything counts as near.
 */
export function useNearViewport(): [near: boolean, ref: (element: Element | null) => (() => void) | undefined] {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const ref = useCallback(
    (element: Element | null) => {
      if (!element || near) return undefined;
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            observer.disconnect();
            setNear(true);
          }
        },
        { rootMargin: NEAR_VIEWPORT_MARGIN },
      );
      observer.observe(element);
      return () => observer.disconnect();
    },
    [near],
  );
  return [near, ref];
}
