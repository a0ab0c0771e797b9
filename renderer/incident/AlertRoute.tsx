import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { AlertTarget } from '../../core/incident/findAlertTargets';
import { lookUpAlertTargets } from '../../core/incident/lookUpAlertTargets';
import { db } from '../app/database';
import { runbookHref, runbookRoute } from '../routes';
import { SearchDialog } from '../search/SearchDialog';

type Lookup = { phase: 'looking' } | { phase: 'found'; targets: AlertTarget[] };

/**
 * Route `/alert/:name`: opens the runbook whose front matter maps the alert (at the mapped section). Several
 * runbooks for one alert are listed to choose from; an alert nobody maps opens search with its name typed,
 * and says so.
 */
export function AlertRoute() {
  const { name = '' } = useParams();
  const navigate = useNavigate();
  const [lookup, setLookup] = useState<Lookup>({ phase: 'looking' });
  const [searchOpen, setSearchOpen] = useState(true);

  useEffect(() => {
    let current = true;
    void lookUpAlertTargets(db, name).then((targets) => {
      if (!current) return;
      if (targets.length === 1) {
        const [target] = targets as [AlertTarget];
        void navigate(runbookRoute(target.sourceId, target.path, target.anchor), { replace: true });
        return;
      }
      setLookup({ phase: 'found', targets });
      setSearchOpen(targets.length === 0);
    });
    return () => {
      current = false;
    };
  }, [name, navigate]);

  if (lookup.phase === 'looking') return <p className="rr-loading">Looking up alert {name}…</p>;

  if (lookup.targets.length > 1) {
    return (
      <div className="rr-page rr-alert-route">
        <h1>Alert {name}</h1>
        <p>{lookup.targets.length} runbooks answer this alert. Choose one:</p>
        <ul className="rr-alert-targets">
          {lookup.targets.map((t) => (
            <li key={`${t.sourceId}|${t.path}`}>
              <a href={runbookHref(t.sourceId, t.path, t.anchor)}>{t.title}</a>
              <span className="rr-alert-target-path">
                {' '}
                {t.sourceId}/{t.path}
                {t.anchor ? `#${t.anchor}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div className="rr-page rr-alert-route" role="status">
      <h1>Alert {name}</h1>
      <p>
        No runbook maps the alert <strong>{name}</strong> (front matter <code>alerts:</code>), so search opens with its name typed in: the
        runbook may still mention it.
      </p>
      <p className="rr-toolbar">
        <button type="button" className="rr-button" onClick={() => setSearchOpen(true)}>
          Search for {name}
        </button>
        <Link className="rr-button" to="/">
          Runbook index
        </Link>
      </p>
      <SearchDialog open={searchOpen} onClose={() => setSearchOpen(false)} initialQuery={name} />
    </div>
  );
}
