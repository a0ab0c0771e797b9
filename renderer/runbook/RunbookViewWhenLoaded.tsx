import { lazy, useState, type ComponentProps, type ComponentType } from 'react';
import type { RunbookView } from './RunbookView';

type View = typeof RunbookView;

// The runbook view and its Markdown pipeline (micromark, GFM, HTML parsing, highlight.js) are most of the app's
// code, so they are a chunk of their own. Its loading starts as soon as the main chunk runs: the browser fetches
// and compiles it while the offline cache opens, instead of the page compiling and running all of it before the
// first screen. The service worker precaches it with every other chunk, so it loads offline as well.
let loaded: View | undefined;
const loading = import('./RunbookView').then((module) => (loaded = module.RunbookView));
// A failed load is retried once when the view is first needed (the lazy component below); not an unhandled rejection here.
loading.catch(() => undefined);
const LazyRunbookView = lazy(() =>
  loading.catch(() => import('./RunbookView').then((module) => module.RunbookView)).then((view) => ({ default: view })),
);

/**
 * RunbookView, drawn at once when its chunk has loaded (as on any start once the cache has opened), else after
 * a suspense while it loads.
 */
export function RunbookViewWhenLoaded(props: ComponentProps<View>) {
  // Fixed for the life of this page: switching from the lazy wrapper to the loaded view would mount the view
  // again and format the body a second time.
  const [View] = useState<ComponentType<ComponentProps<View>>>(() => loaded ?? LazyRunbookView);
  return <View {...props} />;
}
