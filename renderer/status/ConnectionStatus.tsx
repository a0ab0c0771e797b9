import { describeConnectivity } from '../../core/connectivity/describeConnectivity';
import { useConnectivity, useMinuteClock } from './useConnectivity';

/**
 * One calm line on every page when the app is offline or cannot reach a source's host, saying that what
 * is shown is the cached copy and how old it is.
 */
export function ConnectionStatus() {
  const verdict = useConnectivity();
  const now = useMinuteClock();
  const line = describeConnectivity(verdict, now);
  if (!line) return null;
  return (
    <p className="rr-offline-banner" role="status" data-state={verdict.state}>
      {line}
    </p>
  );
}
