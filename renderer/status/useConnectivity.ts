import { useEffect, useState } from 'react';
import { judgeConnectivity, type ConnectivityVerdict } from '../../core/connectivity/judgeConnectivity';
import { useSources } from '../app/cacheQueries';
import { usePlatform } from '../app/appServices';
import { useOnline } from '../app/useOnline';
import { useHostProbes } from './useHostProbes';

/**
 * The app's connectivity signal: the device's own flag combined with how the last attempts to reach each
 * source's host went (read live from the cache, so a failed sync shows at once on every page) and with
 * cheap probes of those hosts.
 */
export function useConnectivity(): ConnectivityVerdict {
  const deviceOnline = useOnline();
  const sources = useSources();
  const probes = useHostProbes(sources);
  const crossOriginApplies = usePlatform().kind === 'web';
  return judgeConnectivity({ deviceOnline, sources: sources ?? [], probes, crossOriginApplies });
}

/** The current time, renewed every minute, so "3 h ago" stays true on a page left open. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
