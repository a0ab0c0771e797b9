// @vitest-environment jsdom
import '../support/domTest';
import { fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { createMemoryRouter, HashRouter, Link, RouterProvider, useLocation, useNavigationType } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RouteLink } from '../../../renderer/app/RouteLink';

function Where() {
  const location = useLocation();
  return createElement('output', { 'aria-label': 'where' }, `${useNavigationType()} ${location.pathname}${location.search}`);
}

function page(children: React.ReactNode) {
  return createElement('div', null, children, createElement(Where));
}

describe('RouteLink', () => {
  it('has the href react-router’s Link gives under the hash router, and under a memory router', () => {
    const links = (
      <>
        <RouteLink to="/read/team/ops/db.md?section=promote">ours</RouteLink>
        <Link to="/read/team/ops/db.md?section=promote">theirs</Link>
      </>
    );
    render(<HashRouter>{links}</HashRouter>);
    expect(screen.getByText('ours').getAttribute('href')).toBe('#/read/team/ops/db.md?section=promote');
    expect(screen.getByText('ours').getAttribute('href')).toBe(screen.getByText('theirs').getAttribute('href'));
  });

  it('navigates inside the app on a click, adding a history entry', () => {
    const router = createMemoryRouter([{ path: '*', element: page(<RouteLink to="/read/team/ops/db.md">Failover</RouteLink>) }]);
    render(<RouterProvider router={router} />);
    expect(screen.getByText('Failover').getAttribute('href')).toBe('/read/team/ops/db.md');
    fireEvent.click(screen.getByText('Failover'));
    expect(screen.getByLabelText('where').textContent).toBe('PUSH /read/team/ops/db.md');
  });

  it('replaces the history entry when asked to', () => {
    const router = createMemoryRouter([
      {
        path: '*',
        element: page(
          <RouteLink to="/bookmarks" replace>
            Bookmarks
          </RouteLink>,
        ),
      },
    ]);
    render(<RouterProvider router={router} />);
    fireEvent.click(screen.getByText('Bookmarks'));
    expect(screen.getByLabelText('where').textContent).toBe('REPLACE /bookmarks');
  });

  it('leaves a modified click (new tab or window) and one its own handler stopped to the browser', () => {
    let stop = false;
    const router = createMemoryRouter([
      {
        path: '*',
        element: page(
          <RouteLink to="/settings" onClick={(e) => stop && e.preventDefault()}>
            Settings
          </RouteLink>,
        ),
      },
    ]);
    render(<RouterProvider router={router} />);
    fireEvent.click(screen.getByText('Settings'), { ctrlKey: true });
    fireEvent.click(screen.getByText('Settings'), { button: 1 });
    stop = true;
    fireEvent.click(screen.getByText('Settings'));
    expect(screen.getByLabelText('where').textContent).toBe('POP /');
  });
});
