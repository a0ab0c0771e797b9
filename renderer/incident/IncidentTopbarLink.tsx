import { NavLink } from 'react-router-dom';
import { useOpenIncident } from './useOpenIncident';
import './incident.css';

/** The top bar's way to the incident page; it says so when an incident is open. */
export function IncidentTopbarLink() {
  const incident = useOpenIncident();
  const open = incident != null;
  return (
    <NavLink
      to="/incident"
      className={`rr-icon-button rr-topbar-link rr-incident-topbar${open ? ' rr-incident-link-open' : ''}`}
      aria-label={open ? `Incident open: ${incident.name}` : 'Incident'}
    >
      <span aria-hidden="true">{open ? '●' : '⚑'}</span>
      <span className="rr-topbar-label">Incident</span>
    </NavLink>
  );
}
