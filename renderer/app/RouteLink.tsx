import { memo, useContext, type ComponentProps, type MouseEvent } from 'react';
import { UNSAFE_NavigationContext, useNavigate, type Navigator } from 'react-router-dom';

type Props = Omit<ComponentProps<'a'>, 'href'> & {
  /** Route path, as for react-router's `Link` (`/read/…`). */
  to: string;
  replace?: boolean | undefined;
};

/**
 * A link to a route of the app, for pages that list thousands of them (a runbook's contents, its in-page
 * links, the contacts panel). react-router's `Link` looks for a `<base>` element on every render under the
 * hash router, and with no `<base>` that search walks the whole document: ten thousand contents entries
 * beside a ten-thousand-section page took seconds. Here the router is asked once for what it puts before a
 * route (`#` for the app's hash router), and a click navigates as `Link` does.
 */
export const RouteLink = memo(function RouteLink({ to, replace, onClick, ...rest }: Props) {
  const navigate = useNavigate();
  const href = `${useHrefPrefix()}${to}`;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // A modified or middle click, or a target, is the browser's to handle (a new tab or window).
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    // As `Link` does: a link to the place on screen replaces the history entry instead of adding one.
    void navigate(to, { replace: replace ?? window.location.hash === `#${to}` });
  };
  return <a {...rest} href={href} onClick={follow} />;
});

const hrefPrefixes = new WeakMap<Navigator, string>();

/**
 * What the router puts before an absolute route in an href: `#` under the hash router, nothing under a memory
 * router. The navigator is only reachable through react-router's UNSAFE_ context (exported for code that
 * builds its own links); it lives as long as its router, so the answer is kept per navigator.
 */
function useHrefPrefix(): string {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  let prefix = hrefPrefixes.get(navigator);
  if (prefix === undefined) {
    prefix = navigator.createHref('/').slice(0, -1);
    hrefPrefixes.set(navigator, prefix);
  }
  return prefix;
}
