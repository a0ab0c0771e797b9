import type { ReactNode } from 'react';
import { folderPageOf, resolveRunbookLink } from '../../core/links/resolveRunbookLink';
import { RouteLink } from '../app/RouteLink';
import { runbookRoute } from '../routes';
import { useRunbookContext } from './RunbookContext';
import { useSourceFiles } from './SourceFilesContext';

interface Props {
  href?: string | undefined;
  children?: ReactNode;
  /** Accessible name when the visible text does not say enough (a footnote's "↩"). */
  label?: string | undefined;
}

/**
 * Every link in runbook content goes through here: runbook links navigate inside the app (or say they are
 * not cached), in-page anchors scroll, allowlisted external links open outside the app and say they need
 * the network, and anything else is shown as inert text.
 */
export function RunbookLink({ href = '', children, label }: Props) {
  const ctx = useRunbookContext();
  const { subdir, assetPaths } = useSourceFiles();
  const target = resolveRunbookLink(ctx.path, href, { subdir });
  switch (target.kind) {
    case 'anchor':
      return (
        <RouteLink to={runbookRoute(ctx.sourceId, ctx.path, target.anchor)} aria-label={label}>
          {children}
        </RouteLink>
      );
    case 'runbook': {
      if (ctx.cachedPaths && !ctx.cachedPaths.has(target.path)) {
        return (
          <span className="rr-link-unavailable" title={`${href} is not in the offline cache`}>
            {children}
            <span className="rr-link-note"> (not available offline)</span>
          </span>
        );
      }
      return <RouteLink to={runbookRoute(ctx.sourceId, target.path, target.anchor)}>{children}</RouteLink>;
    }
    case 'external': {
      const web = target.scheme === 'http:' || target.scheme === 'https:';
      if (!web) return <a href={target.url}>{children}</a>;
      return (
        <a
          href={target.url}
          target="_blank"
          rel="noopener noreferrer"
          className={ctx.online ? 'rr-link-external' : 'rr-link-external rr-offline'}
          title={ctx.online ? `Opens ${target.url} outside the app` : `Needs the network: ${target.url}`}
        >
          {children}
          <span className="rr-link-note" aria-label=" (external, needs network)">
            {' '}
            ↗
          </span>
        </a>
      );
    }
    case 'asset': {
      // A folder opens its README.md or index.md, as on GitHub.
      const page = ctx.cachedPaths ? folderPageOf(target.path, ctx.cachedPaths) : undefined;
      if (page) return <RouteLink to={runbookRoute(ctx.sourceId, page)}>{children}</RouteLink>;
      // A script, configuration file or image synced with the source opens as it is, from the cache.
      if (assetPaths?.has(target.path)) return <RouteLink to={runbookRoute(ctx.sourceId, target.path)}>{children}</RouteLink>;
      return (
        <span className="rr-link-unavailable" title={`${href} is a file, not a runbook`}>
          {children}
          <span className="rr-link-note"> (file not available offline)</span>
        </span>
      );
    }
    case 'outside':
      return (
        <span
          className="rr-link-unavailable"
          title={`/${target.repoPath} is in the repository but outside the synced folder ${subdir ?? ''}/, so it is not in the offline copy`}
        >
          {children}
          <span className="rr-link-note"> (outside the synced folder)</span>
        </span>
      );
    case 'blocked':
      return (
        <span className="rr-link-blocked" title={target.reason}>
          {children}
        </span>
      );
  }
}
