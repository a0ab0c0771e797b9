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
 * app's own evidence. In the browser the page makes a `no-cors` request itself; the desktop app's page may
 * not make cross-origin requests, so it asks the main process to probe the address main saved for the
 * source (named by id, one source per host).
 */
export function useHostProbes(sources: readonly SourceRecord[] | undefined): readonly ProbeOutcome[] {
  const platform = usePlatform();
  const [probes, setProbes] = useState<readonly ProbeOutcome[]>([]);
  // One source (the first by id) per host: `host\tsourceId\tlocation` lines, stable across renders.
  const byHost = new Map<string, SourceRecord>();
  for (const source of [...(sources ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (source.kind !== 'git' || !source.location) continue;
    const host = hostOf(source.location);
    if (!byHost.has(host)) byHost.set(host, source);
  }
  const targetKey = [...byHost.values()]
    .map((source) => `${source.id}\t${source.location!}`)
    .sort()
    .join('\n');
  // A new failure is a reason to look again: was it the network, or the host refusing the page?
  const failureKey = (sources ?? []).map((s) => s.lastError?.at ?? '').join('\n');

  useEffect(() => {
    if (targetKey === '') return;
    let stopped = false;
    let timer: number | undefined;
    const targets = targetKey.split('\n').map((line) => {
      const [sourceId = '', location = ''] = line.split('\t');
      return { sourceId, location };
    });
    const probeOne = async ({ sourceId, location }: (typeof targets)[number]): Promise<ProbeOutcome | null> => {
      if (platform.kind === 'web') return probeHost(location, { fetch: (url, init) => fetch(url, init) });
      // A probe main could not make (a bridge refusal) is no evidence either way.
      return platform.desktop.probeHost(sourceId).catch(() => null);
    };
    const probeAll = () => {
      if (!navigator.onLine) return;
      void Promise.all(targets.map(probeOne)).then((outcomes) => {
        if (!stopped) setProbes(outcomes.filter((outcome): outcome is ProbeOutcome => outcome !== null));
      });
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
  }, [platform, targetKey, failureKey]);

  return probes;
}
