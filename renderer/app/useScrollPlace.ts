import { useEffect, useEffectEvent, useLayoutEffect } from 'react';
import { useLocation, type Location } from 'react-router-dom';

const KEY_PREFIX = 'rr-scroll:';
/** Field this hook adds to `history.state` to tell history entries apart. */
const PLACE_FIELD = 'rrPlace';

/** One history entry as the scroll memory knows it. */
export interface HistoryPlace {
  /** Stable id of the entry, kept in `history.state` (so it survives reloads and back/forward). */
  id: string;
  /** True when the entry was shown before (back, forward, reload): its own place is restored. */
  returning: boolean;
}

const placesByLocation = new WeakMap<Location, HistoryPlace>();
/** Entries whose place was already found once: showing one again (a newer version swapped in) keeps the place. */
const landed = new Set<string>();

/**
 * Which history entry is shown and whether it is a return to it. The router cannot say: a plain hash link
 * (the library's entries, links typed or pasted) makes an entry without router state, so every such entry
 * has the key `default` and arrives as a "pop". The hook therefore tags each entry in `history.state`: an
 * untagged entry is a new visit, a tagged one a return.
 */
export function useHistoryPlace(): HistoryPlace {
  const location = useLocation();
  let place = placesByLocation.get(location);
  if (!place) {
    const tagged = readTag();
    place = tagged ? { id: tagged, returning: true } : { id: newId(), returning: false };
    placesByLocation.set(location, place);
  }
  const { id } = place;
  useLayoutEffect(() => {
    if (readTag() === id) return;
    try {
      window.history.replaceState({ ...(historyState() ?? {}), [PLACE_FIELD]: id }, '');
    } catch {
      // A browser that refuses the state change only loses the place memory for this entry.
    }
  }, [id]);
  return place;
}

/**
 * Keeps the reader's place: a new visit opens at the top, or at the linked section; back, forward and
 * reload return each history entry to where it was left (positions kept per entry in sessionStorage, which
 * survives a reload). `contentKey` names what is shown, so the place is found again once it is there.
 */
export function useScrollPlace(contentReady: boolean, section: string | undefined, contentKey: string): void {
  const place = useHistoryPlace();

  useEffect(() => {
    // The browser's own restoration would fight this one (it restores before the content is there).
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
  }, []);

  useEffect(() => {
    let frame = 0;
    const save = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // The page shrinking while the next entry loads must not overwrite this entry's place.
        if (readTag() !== place.id) return;
        try {
          sessionStorage.setItem(KEY_PREFIX + place.id, String(Math.round(window.scrollY)));
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
  }, [place.id]);

  const land = useEffectEvent(() => {
    const saved = place.returning || landed.has(place.id) ? readSaved(place.id) : undefined;
    landed.add(place.id);
    if (saved !== undefined) {
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
  });

  useLayoutEffect(() => {
    if (contentReady) land();
  }, [contentReady, place.id, section, contentKey]);
}

function historyState(): Record<string, unknown> | undefined {
  const state: unknown = window.history.state;
  return state && typeof state === 'object' ? (state as Record<string, unknown>) : undefined;
}

function readTag(): string | undefined {
  const tag = historyState()?.[PLACE_FIELD];
  return typeof tag === 'string' ? tag : undefined;
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

function readSaved(id: string): number | undefined {
  try {
    const value = sessionStorage.getItem(KEY_PREFIX + id);
    return value === null ? undefined : Number(value);
  } catch {
    return undefined;
  }
}
