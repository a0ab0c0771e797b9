import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { SourceRecord } from '../../../../core/model';
import { ServicesProvider, type AppServices } from '../../../../renderer/app/appServices';
import { db } from '../../../../renderer/app/database';
import { SourceCard } from '../../../../renderer/sources/SourceCard';

/** Puts the Git source "Team runbooks" (id `team`) in the cache, with `fields` on top. */
export async function putTeamSource(fields: Partial<SourceRecord> = {}): Promise<void> {
  await db.sources.put({
    id: 'team',
    kind: 'git',
    name: 'Team runbooks',
    location: 'https://git.example.com/team.git',
    version: 'a'.repeat(40),
    ...fields,
  });
}

/** The Sources card as the Sources page shows it: live from the cache. */
function LiveCard() {
  const source = useLiveQuery(() => db.sources.get('team'));
  return source ? <SourceCard source={source} state={undefined} canHide={false} /> : null;
}

/** Renders the team source's card (and `beside` it, such as a panel that reads the same cache); returns the user who acts on it. */
export function showTeamCard(services: AppServices, beside?: ReactNode) {
  const user = userEvent.setup();
  render(
    <ServicesProvider services={services}>
      <MemoryRouter>
        <ul>
          <LiveCard />
        </ul>
        {beside}
      </MemoryRouter>
    </ServicesProvider>,
  );
  return user;
}
