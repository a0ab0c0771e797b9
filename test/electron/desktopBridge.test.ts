import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type DesktopBridge } from '../../core/desktop/ipcContract';
import { createDesktopBridge } from '../../electron/desktopBridge';
import { fakeElectron } from '../setup/electronMock';

function bridge(): { bridge: DesktopBridge; ipc: ReturnType<typeof fakeElectron>['ipcRenderer'] } {
  const ipc = fakeElectron().ipcRenderer;
  return { bridge: createDesktopBridge(ipc), ipc };
}

/** What Electron passes to ipcRenderer listeners first: it carries `sender`, i.e. ipcRenderer. */
const IPC_EVENT = { sender: 'ipcRenderer itself', ports: [] };

describe('desktop bridge', () => {
  it('has one method per channel and the four subscriptions, nothing generic', () => {
    expect(Object.keys(bridge().bridge).sort()).toEqual(
      [
        'appInfo',
        'deleteSyncStore',
        'deleteToken',
        'hasToken',
        'importOfflineCopy',
        'inspectOfflineCopy',
        'onCommand',
        'onOfflineCopyOpened',
        'onDeepLink',
        'onSyncProgress',
        'openExternal',
        'printToPdf',
        'probeHost',
        'pruneSyncStores',
        'saveOfflineCopy',
        'saveSource',
        'setToken',
        'syncCancel',
        'syncRun',
      ].sort(),
    );
  });

  it.each([
    ['appInfo', [], INVOKE_CHANNELS.appInfo, [], { version: '1.2.3', platform: 'linux' }],
    ['openExternal', ['https://example.com'], INVOKE_CHANNELS.openExternal, [{ url: 'https://example.com' }], { opened: true }],
    ['printToPdf', ['DB failover'], INVOKE_CHANNELS.printToPdf, [{ suggestedName: 'DB failover' }], { saved: false, reason: 'Cancelled.' }],
    ['setToken', ['ops', 'ghp_abc'], INVOKE_CHANNELS.setToken, [{ sourceId: 'ops', token: 'ghp_abc' }], { stored: true }],
    ['hasToken', ['ops'], INVOKE_CHANNELS.hasToken, [{ sourceId: 'ops' }], true],
    ['deleteToken', ['ops'], INVOKE_CHANNELS.deleteToken, [{ sourceId: 'ops' }], undefined],
    ['syncCancel', ['ops'], INVOKE_CHANNELS.syncCancel, [{ sourceId: 'ops' }], false],
    [
      'probeHost',
      ['ops'],
      INVOKE_CHANNELS.probeHost,
      [{ sourceId: 'ops' }],
      { host: 'git.example.com', reached: false, at: '2026-12-05T09:00:00.000Z' },
    ],
    ['probeHost', ['gone'], INVOKE_CHANNELS.probeHost, [{ sourceId: 'gone' }], null],
    ['deleteSyncStore', ['ops'], INVOKE_CHANNELS.deleteSyncStore, [{ sourceId: 'ops' }], { deleted: true }],
  ] as const)('%s(%j) invokes %s with %j and resolves with main’s answer', async (method, args, channel, sent, answer) => {
    const { bridge: api, ipc } = bridge();
    ipc.respond = () => answer;
    const call = api[method] as (...values: readonly string[]) => Promise<unknown>;
    expect(await call(...args)).toEqual(answer);
    expect(ipc.invocations).toEqual([{ channel, args: sent }]);
  });

  it.each([
    ['hasToken', 'answer', /^token:has: the app’s answer did not fit the contract \(must be boolean\)$/],
    ['deleteSyncStore', { deleted: 'yes' }, /^sync:delete-store: .*\(deleted: must be boolean\)$/],
    ['deleteSyncStore', {}, /\(deleted: is missing\)$/],
    ['probeHost', { host: 'git.example.com', reached: 'yes', at: 'now' }, /^source:probe-host: .*\(reached: must be boolean\)$/],
  ] as const)('%s rejects an answer that does not fit the contract (%j), naming the field', async (method, answer, message) => {
    const { bridge: api, ipc } = bridge();
    ipc.respond = () => answer;
    await expect(api[method]('ops')).rejects.toThrow(message);
  });

  it('a sync error code the page does not know becomes unknown, with main’s message', async () => {
    const { bridge: api, ipc } = bridge();
    ipc.respond = () => ({ ok: false, error: { code: 'gremlins', message: 'Something new.' } });
    expect(await api.syncRun({ sourceId: 'ops', cached: {} })).toEqual({
      ok: false,
      error: { code: 'unknown', message: 'Something new.' },
    });
  });

  it('copies only the contract’s fields of an answer', async () => {
    const { bridge: api, ipc } = bridge();
    ipc.respond = () => ({ deleted: false, reason: 'busy', extra: 'dropped' });
    expect(await api.deleteSyncStore('ops')).toStrictEqual({ deleted: false, reason: 'busy' });
  });

  it('pruneSyncStores(ids) invokes sync:prune-stores with the kept ids', async () => {
    const { bridge: api, ipc } = bridge();
    ipc.respond = () => ({ removed: 1, failed: 0 });
    expect(await api.pruneSyncStores(['ops', 'team'])).toEqual({ removed: 1, failed: 0 });
    expect(ipc.invocations).toEqual([{ channel: INVOKE_CHANNELS.pruneSyncStores, args: [{ keepSourceIds: ['ops', 'team'] }] }]);
  });

  it('delivers commands without the IpcRenderer event and stops after unsubscribe', () => {
    const { bridge: api, ipc } = bridge();
    const listener = vi.fn();
    const unsubscribe = api.onCommand(listener);
    ipc.emit('app:command', IPC_EVENT, 'search');
    ipc.emit('app:command', IPC_EVENT, 'not-a-command');
    ipc.emit('app:command', IPC_EVENT, { evil: true });
    expect(listener.mock.calls).toEqual([['search']]);
    unsubscribe();
    ipc.emit('app:command', IPC_EVENT, 'sync');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('delivers deep links as plain copies, without the event', () => {
    const { bridge: api, ipc } = bridge();
    const listener = vi.fn();
    api.onDeepLink(listener);
    ipc.emit('app:deep-link', IPC_EVENT, { sourceId: 'bundled', path: 'db.md', anchor: 'step-2', extra: 'dropped' });
    ipc.emit('app:deep-link', IPC_EVENT, { sourceId: 'bundled' });
    expect(listener.mock.calls).toEqual([[{ sourceId: 'bundled', path: 'db.md', anchor: 'step-2' }]]);
  });

  it('delivers alert links with the alert name only, and drops a malformed one', () => {
    const { bridge: api, ipc } = bridge();
    const listener = vi.fn();
    api.onDeepLink(listener);
    ipc.emit('app:deep-link', IPC_EVENT, { alert: 'HighBanSyncLag', extra: 'dropped' });
    ipc.emit('app:deep-link', IPC_EVENT, { alert: 42 });
    expect(listener.mock.calls).toEqual([[{ alert: 'HighBanSyncLag' }]]);
  });

  it('keeps the latest deep link that arrives before anyone subscribed', () => {
    const { bridge: api, ipc } = bridge();
    ipc.emit('app:deep-link', IPC_EVENT, { sourceId: 'bundled', path: 'old.md' });
    ipc.emit('app:deep-link', IPC_EVENT, { sourceId: 'bundled', path: 'new.md' });
    const first = vi.fn();
    const second = vi.fn();
    api.onDeepLink(first);
    api.onDeepLink(second);
    expect(first.mock.calls).toEqual([[{ sourceId: 'bundled', path: 'new.md' }]]);
    expect(second).not.toHaveBeenCalled();
  });

  it("syncRun invokes sync:run with the request and resolves with main's answer", async () => {
    const { bridge: api, ipc } = bridge();
    const request = { sourceId: 'ops', cached: { 'a.md': 'a'.repeat(40) } };
    ipc.respond = () => ({ ok: false, error: { code: 'offline', message: 'offline' } });
    expect(await api.syncRun(request)).toEqual({ ok: false, error: { code: 'offline', message: 'offline' } });
    expect(ipc.invocations).toEqual([{ channel: INVOKE_CHANNELS.syncRun, args: [request] }]);
  });

  it('delivers sync progress as plain copies, drops malformed events, stops after unsubscribe', () => {
    const { bridge: api, ipc } = bridge();
    const listener = vi.fn();
    const unsubscribe = api.onSyncProgress(listener);
    ipc.emit('sync:progress', IPC_EVENT, { sourceId: 'ops', progress: { phase: 'fetching', percent: 40, extra: 'dropped' }, more: 1 });
    ipc.emit('sync:progress', IPC_EVENT, { sourceId: 'ops', progress: { phase: 'reading' } });
    ipc.emit('sync:progress', IPC_EVENT, { sourceId: 'ops', progress: { phase: 'hacking' } });
    ipc.emit('sync:progress', IPC_EVENT, { sourceId: 'ops', progress: { phase: 'parsing', percent: '50' } });
    ipc.emit('sync:progress', IPC_EVENT, { sourceId: 3, progress: { phase: 'done' } });
    ipc.emit('sync:progress', IPC_EVENT, 'done');
    expect(listener.mock.calls).toEqual([
      [{ sourceId: 'ops', progress: { phase: 'fetching', percent: 40 } }],
      [{ sourceId: 'ops', progress: { phase: 'reading' } }],
    ]);
    unsubscribe();
    ipc.emit('sync:progress', IPC_EVENT, { sourceId: 'ops', progress: { phase: 'done', percent: 100 } });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('refuses a non-function listener', () => {
    expect(() => bridge().bridge.onCommand('nope' as never)).toThrow(TypeError);
  });
});

describe('preload', () => {
  it('exposes the bridge as window.runbookReader through contextBridge', async () => {
    await import('../../electron/preload');
    const exposed = fakeElectron().contextBridge.exposed;
    expect([...exposed.keys()]).toEqual(['runbookReader']);
    expect(Object.keys(exposed.get('runbookReader') as object)).toContain('onDeepLink');
  });

  it('keeps a file opened with the app for the first subscriber, and drops a payload that does not fit', () => {
    const { bridge: api, ipc } = bridge();
    const bytes = new Uint8Array([35, 32, 118, 50]);
    ipc.emit('offline-copy:opened', IPC_EVENT, { fileName: '../evil.bundle', bytes });
    ipc.emit('offline-copy:opened', IPC_EVENT, { fileName: 'runbooks.bundle', bytes });
    const listener = vi.fn();
    api.onOfflineCopyOpened(listener);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ fileName: 'runbooks.bundle', bytes });
  });
});
