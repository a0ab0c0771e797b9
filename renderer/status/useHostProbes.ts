import { useEffect, useState } from 'react';
import { hostOf, type ProbeOutcome } from '../../core/connectivity/judgeConnectivity';
import { probeHost } from '../../core/connectivity/probeHost';
import type { SourceRecord } from '../../core/model';
import { readSettings } from '../../core/userdata/settings';
import { usePlatform } from '../app/appServices';
import { db } from '../app/database';

/**
 * Probes the hosts of the Git sources whenever a sync is due (at start, when the device comes back
 * online, every sync interval) and when a sync has just failed, so the connectivity line rests on the
 * app's own evidence. Browser build only: the desktop app's page may not make cross-origin requests, and
 * its syncs (in the main process) already tell a dead network apart precisely.
 */
export function useHostProbes(sources: readonly SourceRecord[] | undefined): readonly ProbeOutcome[] {
  const platform = usePlatform();
  const [probes, setProbes] = useState<readonly ProbeOutcome[]>([]);
  const locations = [...new Set((sources ?? []).filter((s) => s.kind === 'git' && s.location).map((s) => s.location!))].sort();
  const locationKey = locations.join('\n');
  // A new failure is a reason to look again: was it the network, or the host refusing the page?
  const failureKey = (sources ?? []).map((s) => s.lastError?.at ?? '').join('\n');

  useEffect(() => {
    if (platform.kind !== 'web' || locationKey === '') return;
    let stopped = false;
    let timer: number | undefined;
    const probeAll = () => {
      if (!navigator.onLine) return;
      const byHost = new Map(locationKey.split('\n').map((location) => [hostOf(location), location]));
      void Promise.all([...byHost.values()].map((location) => probeHost(location, { fetch: (url, init) => fetch(url, init) }))).then(
        (outcomes) => {
          if (!stopped) setProbes(outcomes);
        },
      );
    };
    probeAll();
    window.addEventListener('online', probeAll);
    void readSettings(db).then(({ syncIntervalMinutes }) => {
      if (!stopped && syncIntervalMinutes > 0) timer = window.setInterval(probeAll, syncIntervalMinutes * 60_000);
    });
    return () => {
      stopped = true;
      window.removeEventListener('online', probeAll);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [platform.kind, locationKey, failureKey]);

  return probes;
}
