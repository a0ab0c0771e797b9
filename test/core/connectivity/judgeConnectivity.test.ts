import { describe, expect, it } from 'vitest';
import { describeConnectivity } from '../../../core/connectivity/describeConnectivity';
import { judgeConnectivity, type ConnectivityInput } from '../../../core/connectivity/judgeConnectivity';
import type { SourceRecord } from '../../../core/model';

const NOW = new Date('2026-12-04T12:00:00Z');
type Source = ConnectivityInput['sources'][number];

function git(overrides: Partial<SourceRecord> = {}): Source {
  return { kind: 'git', location: 'https://git.example.com/team/runbooks.git', ...overrides };
}
const error = (code: string, at: string) => ({ code, at, message: 'whatever the engine said' });

describe('judgeConnectivity', () => {
  it('is online when nothing says otherwise, including with only the bundled set', () => {
    expect(judgeConnectivity({ deviceOnline: true, sources: [] })).toEqual({ state: 'online' });
    expect(judgeConnectivity({ deviceOnline: true, sources: [{ kind: 'bundled' }] })).toEqual({ state: 'online' });
    expect(judgeConnectivity({ deviceOnline: true, sources: [git({ lastSyncAt: '2026-12-04T11:00:00Z' })] })).toEqual({ state: 'online' });
  });

  it('trusts the device when it says it is offline, and names the newest copy', () => {
    const verdict = judgeConnectivity({
      deviceOnline: false,
      sources: [git({ lastSyncAt: '2026-12-04T09:00:00Z' }), git({ lastSyncAt: '2026-12-04T10:30:00Z' })],
    });
    expect(verdict).toEqual({ state: 'offline', copyFrom: '2026-12-04T10:30:00Z' });
    expect(describeConnectivity(verdict, NOW)).toBe('Offline — showing the copy from 1 h ago. External links need the network.');
  });

  it.each(['host-not-found', 'timed-out', 'connection-cut', 'offline'])(
    'says the host cannot be reached when the last sync failed with %s although the device is online',
    (code) => {
      const verdict = judgeConnectivity({
        deviceOnline: true,
        sources: [git({ lastSyncAt: '2026-12-04T09:00:00Z', lastError: error(code, '2026-12-04T11:50:00Z') })],
      });
      expect(verdict).toMatchObject({ state: 'unreachable', host: 'git.example.com', code });
      expect(describeConnectivity(verdict, NOW)).toBe("Can't reach git.example.com — showing the copy from 3 h ago.");
    },
  );

  it('does not call a host unreachable when it answered with a refusal, or when a later sync got through', () => {
    expect(judgeConnectivity({ deviceOnline: true, sources: [git({ lastError: error('auth-failed', '2026-12-04T11:50:00Z') })] })).toEqual({
      state: 'online',
    });
    expect(
      judgeConnectivity({
        deviceOnline: true,
        sources: [git({ lastError: error('host-not-found', '2026-12-04T10:00:00Z'), lastSyncAt: '2026-12-04T11:00:00Z' })],
      }),
    ).toEqual({ state: 'online' });
  });

  it('ignores a cancelled sync: it says nothing about the network either way', () => {
    const cancelledAfterFailure = git({ lastSyncAt: '2026-12-04T08:00:00Z', lastError: error('cancelled', '2026-12-04T11:00:00Z') });
    expect(judgeConnectivity({ deviceOnline: true, sources: [cancelledAfterFailure] })).toEqual({ state: 'online' });
  });

  it('lets a newer probe decide: a probe that got an answer clears the failure, one that did not raises it', () => {
    const failed = git({ lastSyncAt: '2026-12-04T09:00:00Z', lastError: error('timed-out', '2026-12-04T10:00:00Z') });
    expect(
      judgeConnectivity({
        deviceOnline: true,
        sources: [failed],
        probes: [{ host: 'git.example.com', reached: true, at: '2026-12-04T11:00:00Z' }],
      }),
    ).toEqual({ state: 'online' });
    const synced = git({ lastSyncAt: '2026-12-04T09:00:00Z' });
    expect(
      judgeConnectivity({
        deviceOnline: true,
        sources: [synced],
        probes: [{ host: 'git.example.com', reached: false, at: '2026-12-04T11:00:00Z' }],
      }),
    ).toMatchObject({ state: 'unreachable', host: 'git.example.com', copyFrom: '2026-12-04T09:00:00Z' });
    expect(
      judgeConnectivity({
        deviceOnline: true,
        sources: [synced],
        probes: [{ host: 'other.example.com', reached: false, at: '2026-12-04T11:00:00Z' }],
      }),
    ).toEqual({ state: 'online' });
  });

  it('names the host with the most recent failure and keeps its port', () => {
    const verdict = judgeConnectivity({
      deviceOnline: true,
      sources: [
        git({ location: 'https://a.example.com/x.git', lastError: error('host-not-found', '2026-12-04T10:00:00Z') }),
        git({ location: 'http://127.0.0.1:8123/y.git', lastError: error('connection-cut', '2026-12-04T11:00:00Z') }),
      ],
    });
    expect(verdict).toMatchObject({ state: 'unreachable', host: '127.0.0.1:8123' });
    expect(describeConnectivity(verdict, NOW)).toBe("Can't reach 127.0.0.1:8123 — showing the cached copy.");
  });
});

describe('describeConnectivity', () => {
  it('says nothing while online and gives ages a person reads at a glance', () => {
    expect(describeConnectivity({ state: 'online' }, NOW)).toBeUndefined();
    const at = (iso: string) => describeConnectivity({ state: 'offline', copyFrom: iso }, NOW);
    expect(at('2026-12-04T11:59:30Z')).toContain('the copy from just now');
    expect(at('2026-12-04T11:48:00Z')).toContain('the copy from 12 min ago');
    expect(at('2026-12-02T11:00:00Z')).toContain('the copy from 2 days ago');
    expect(describeConnectivity({ state: 'offline' }, NOW)).toContain('showing the cached copy');
  });
});

describe('judgeConnectivity: a CORS refusal is named only when it is one', () => {
  const failedLikeNetwork = git({ lastSyncAt: '2026-12-04T09:00:00Z', lastError: error('host-not-found', '2026-12-04T11:50:00Z') });
  const reachedNear = { host: 'git.example.com', reached: true, at: '2026-12-04T11:49:58Z' };

  it('says the host refuses the page when a plain probe reached it at about the time the sync failed (browser)', () => {
    const verdict = judgeConnectivity({
      deviceOnline: true,
      sources: [failedLikeNetwork],
      probes: [reachedNear],
      crossOriginApplies: true,
    });
    expect(verdict).toEqual({ state: 'cross-origin-refused', host: 'git.example.com', copyFrom: '2026-12-04T09:00:00Z' });
    expect(describeConnectivity(verdict, NOW)).toBe(
      "git.example.com answers but refuses this page's requests (CORS) — showing the copy from 3 h ago. See Sources.",
    );
  });

  it('says the host cannot be reached when the probe failed too, or when no probe backs the CORS reading', () => {
    const probeFailed = { ...reachedNear, reached: false };
    expect(
      judgeConnectivity({ deviceOnline: true, sources: [failedLikeNetwork], probes: [probeFailed], crossOriginApplies: true }),
    ).toMatchObject({ state: 'unreachable', host: 'git.example.com' });
    expect(judgeConnectivity({ deviceOnline: true, sources: [failedLikeNetwork], crossOriginApplies: true })).toMatchObject({
      state: 'unreachable',
    });
    const longBefore = { ...reachedNear, at: '2026-12-04T10:00:00Z' };
    expect(
      judgeConnectivity({ deviceOnline: true, sources: [failedLikeNetwork], probes: [longBefore], crossOriginApplies: true }),
    ).toMatchObject({ state: 'unreachable' });
  });

  it('never calls it CORS outside the browser, nor for a failure of another kind', () => {
    expect(judgeConnectivity({ deviceOnline: true, sources: [failedLikeNetwork], probes: [reachedNear] }).state).not.toBe(
      'cross-origin-refused',
    );
    const timedOut = git({ lastError: error('timed-out', '2026-12-04T11:50:00Z') });
    expect(judgeConnectivity({ deviceOnline: true, sources: [timedOut], probes: [reachedNear], crossOriginApplies: true }).state).not.toBe(
      'cross-origin-refused',
    );
  });

  it('lets a failed probe alone say the host is unreachable before any sync fails (VPN down)', () => {
    const verdict = judgeConnectivity({
      deviceOnline: true,
      sources: [git({ lastSyncAt: '2026-12-04T09:00:00Z' })],
      probes: [{ host: 'git.example.com', reached: false, at: '2026-12-04T11:00:00Z' }],
      crossOriginApplies: true,
    });
    expect(describeConnectivity(verdict, NOW)).toBe("Can't reach git.example.com — showing the copy from 3 h ago.");
  });
});
