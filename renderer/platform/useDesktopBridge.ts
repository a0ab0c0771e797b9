import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { dispatchAppCommand } from '../app/appCommands';
import { usePlatform } from '../app/appServices';
import { alertRoute, runbookRoute } from '../routes';

/** In the desktop app, menu commands and `runbook-reader://` deep links arrive through the preload bridge. */
export function useDesktopBridge(): void {
  const navigate = useNavigate();
  const platform = usePlatform();
  useEffect(() => {
    if (platform.kind !== 'desktop') return;
    const bridge = platform.desktop;
    const stopCommands = bridge.onCommand(dispatchAppCommand);
    // In-app navigation: nothing to wait for.
    const stopLinks = bridge.onDeepLink(
      (link) => void navigate('alert' in link ? alertRoute(link.alert) : runbookRoute(link.sourceId, link.path, link.anchor)),
    );
    return () => {
      stopCommands();
      stopLinks();
    };
  }, [navigate, platform]);
}
