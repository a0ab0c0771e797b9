// @vitest-environment jsdom
import '../support/domTest';
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ServicesProvider, type AppServices } from '../../../renderer/app/appServices';
import { db } from '../../../renderer/app/database';
import { AddSourceForm } from '../../../renderer/sources/AddSourceForm';

describe('the form that adds a Git source', () => {
  it('starts the sync worker while it is filled in, once, before anything is synced', async () => {
    const asked: string[] = [];
    const sync = { prepare: () => asked.push('prepare'), sync: async () => asked.push('sync') };
    const services = { db, platform: { kind: 'web' }, sourceTokens: { usesCorsProxy: false }, sync } as unknown as AppServices;
    const { rerender } = render(
      <ServicesProvider services={services}>
        <AddSourceForm onAdded={() => undefined} />
      </ServicesProvider>,
    );
    await waitFor(() => expect(asked).toEqual(['prepare']));
    rerender(
      <ServicesProvider services={services}>
        <AddSourceForm onAdded={() => undefined} />
      </ServicesProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual(['prepare']);
  });
});
