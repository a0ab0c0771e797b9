import { useOnline } from '../app/useOnline';

/** Says plainly when the app is offline and that what is shown is the cached copy. */
export function ConnectionStatus() {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="rr-offline-banner" role="status">
      Offline — showing the cached copy. External links need the network.
    </p>
  );
}
