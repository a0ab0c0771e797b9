import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel, type SyncRunRequest, type SyncRunResponse } from '../../core/desktop/ipcContract';
import { createIpcHandlers, registerIpcHandlers, type IpcDependencies } from '../../electron/ipc';
import { sendToRenderer, type EventTarget as RendererTarget } from '../../electron/rendererEvents';
import { TokenStoreError } from '../../electron/tokenStore';
import { fakeElectron } from '../setup/electronMock';

const APP_FRAME = 'app://bundle/index.html';
const ALL_CHANNELS = Object.values(INVOKE_CHANNELS);

function register(overrides: Partial<IpcDependencies> = {}) {
  const deps: IpcDependencies = {
    appVersion: () => '1.2.3',
    platform: 'linux',
    openExternalSafely: vi.fn(async (url: string) => ({ opened: url.startsWith('https:') })),
    printToPdf: vi.fn(async (_contents: WebContents, name: string) => ({ saved: true, path: `/tmp/${name}.pdf` })),
    tokenStore: {
      setToken: vi.fn(async () => undefined),
      hasToken: vi.fn(async (sourceId: string) => sourceId === 'ops'),
      deleteToken: vi.fn(async () => undefined),
    },
    sourceSettings: {
      save: vi.fn(async () => undefined),
      get: vi.fn(async (sourceId: string) =>
        sourceId === 'ops' ? { sourceId, url: 'https://git.example.com/ops/runbooks.git' } : undefined,
      ),
    },
    syncRun: vi.fn(async (request: SyncRunRequest, target: RendererTarget): Promise<SyncRunResponse> => {
      sendToRenderer(target, 'sync:progress', { sourceId: request.sourceId, progress: { phase: 'connecting' } });
      return { ok: false, error: { code: 'offline', message: 'This device is offline.' } };
    }),
    probeHost: vi.fn(async (sourceId: string) =>
      sourceId === 'ops' ? { host: 'git.example.com', reached: true, at: '2026-12-05T09:00:00.000Z' } : null,
    ),
    syncCancel: vi.fn((sourceId: string) => sourceId === 'ops'),
    deleteSyncStore: vi.fn(async () => ({ deleted: true })),
    pruneSyncStores: vi.fn(async () => ({ removed: 0, failed: 0 })),
    importOfflineCopy: vi.fn(async () => ({ ok: false as const, error: { code: 'damaged', message: 'The bundle is damaged.' } })),
    saveOfflineCopy: vi.fn(async () => ({ saved: false, cancelled: true, reason: 'Cancelled.' })),
    inspectOfflineCopy: vi.fn(async () => ({ match: { kind: 'same' as const, sourceId: 'ops', commit: 'a'.repeat(40) } })),
    ...overrides,
  };
  registerIpcHandlers(createIpcHandlers(deps));
  return { deps, ipcMain: fakeElectron().ipcMain };
}

const VALID_REQUESTS: Record<InvokeChannel, unknown[]> = {
  'app:info': [],
  'shell:open-external': [{ url: 'https://example.com' }],
  'window:print-to-pdf': [{ suggestedName: 'DB failover' }],
  'token:set': [{ sourceId: 'ops', token: 'ghp_abc' }],
  'token:has': [{ sourceId: 'ops' }],
  'token:delete': [{ sourceId: 'ops' }],
  'source:save': [{ sourceId: 'ops', url: 'https://git.example.com/ops/runbooks.git' }],
  'source:probe-host': [{ sourceId: 'ops' }],
  'sync:run': [{ sourceId: 'ops', cached: {} }],
  'sync:cancel': [{ sourceId: 'ops' }],
  'sync:delete-store': [{ sourceId: 'ops' }],
  'sync:prune-stores': [{ keepSourceIds: ['ops', 'team runbooks'] }],
  'offline-copy:import': [{ sourceId: 'ops', fileName: 'runbooks.bundle', bytes: new Uint8Array([1, 2, 3]), cached: {} }],
  'offline-copy:inspect': [{ bytes: new Uint8Array([1, 2, 3]), sources: [{ id: 'ops', version: 'a'.repeat(40) }] }],
  'offline-copy:save': [{ sourceId: 'ops', name: 'Ops', commit: 'a'.repeat(40), branch: 'main' }],
};

describe('IPC handlers', () => {
  it('registers exactly the contract channels, nothing generic', () => {
    const { ipcMain } = register();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...ALL_CHANNELS].sort());
  });

  it.each(ALL_CHANNELS)('%s answers the app frame', async (channel) => {
    const { ipcMain } = register();
    await expect(ipcMain.invoke(channel, APP_FRAME, ...VALID_REQUESTS[channel])).resolves.not.toBeInstanceOf(Error);
  });

  const UNTRUSTED_FRAMES = [
    'https://evil.example/',
    'app://evil/index.html',
    'app://bundle.evil/index.html',
    'file:///tmp/index.html',
    'about:blank',
    'devtools://devtools/bundled/devtools_app.html',
    '',
    null,
  ];
  const untrustedCalls = ALL_CHANNELS.flatMap((channel) => UNTRUSTED_FRAMES.map((frame) => [channel, frame] as const));

  it.each(untrustedCalls)('%s from frame %j is refused before the handler runs', async (channel, frame) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ipcMain, deps } = register();
    await expect(ipcMain.invoke(channel, frame, ...VALID_REQUESTS[channel])).rejects.toThrow(/did not come from the app/);
    expect(deps.openExternalSafely).not.toHaveBeenCalled();
    expect(deps.printToPdf).not.toHaveBeenCalled();
    expect(deps.tokenStore.setToken).not.toHaveBeenCalled();
    expect(deps.tokenStore.hasToken).not.toHaveBeenCalled();
    expect(deps.tokenStore.deleteToken).not.toHaveBeenCalled();
    expect(deps.syncRun).not.toHaveBeenCalled();
    expect(deps.probeHost).not.toHaveBeenCalled();
    expect(deps.syncCancel).not.toHaveBeenCalled();
    expect(deps.deleteSyncStore).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('refuses a sender whose frame throws when read (being torn down)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ipcMain } = register();
    const handler = ipcMain.handlers.get('app:info')!;
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expect(handler(event)).rejects.toThrow(/did not come from the app/);
    warn.mockRestore();
  });

  it.each([
    ['app:info', [{ extra: true }]],
    ['shell:open-external', ['https://example.com']],
    ['shell:open-external', [{}]],
    ['window:print-to-pdf', [{ suggestedName: 5 }]],
    ['token:set', [{ sourceId: 'ops', token: 'has spaces' }]],
    ['token:has', [{ sourceId: '' }]],
    ['token:delete', [null]],
    ['source:save', [{ sourceId: 'ops', url: 'file:///srv/runbooks.git' }]],
    ['source:save', [{ sourceId: 'ops', url: 'https://git.example.com/ops.git', token: 'ghp_abc' }]],
    ['source:save', [{ sourceId: 'ops', url: 'https://git.example.com/ops.git', subdir: '../etc' }]],
    ['sync:run', [{ sourceId: 'ops', url: 'https://attacker.example/ops.git', cached: {} }]],
    ['sync:run', [{ sourceId: 'ops', cached: {}, token: 'ghp_abc' }]],
    ['sync:run', [{ sourceId: 'ops', cached: {}, rereadAll: 'yes' }]],
    ['sync:run', [{ sourceId: 'ops', cached: {}, deadlineMs: 10 }]],
    ['sync:cancel', [{}]],
    ['sync:cancel', ['ops']],
    ['sync:delete-store', [{ sourceId: 'x'.repeat(201) }]],
    ['sync:delete-store', [{ sourceId: 'ops\u0000' }]],
    ['sync:prune-stores', [{}]],
    ['sync:prune-stores', [{ keepSourceIds: 'ops' }]],
    ['sync:prune-stores', [{ keepSourceIds: ['ops', ''] }]],
    ['sync:prune-stores', [{ keepSourceIds: Array.from({ length: 1001 }, (_, i) => `s${i}`) }]],
    ['offline-copy:import', [{ sourceId: 'ops', fileName: '../../etc/passwd', bytes: new Uint8Array([1]), cached: {} }]],
    ['offline-copy:import', [{ sourceId: 'ops', fileName: 'a.bundle', bytes: 'not bytes', cached: {} }]],
    ['offline-copy:import', [{ sourceId: 'ops', fileName: 'a.bundle', bytes: new Uint8Array(0), cached: {} }]],
    ['offline-copy:save', [{ sourceId: 'ops', name: 'Ops', commit: 'main' }]],
  ] as const)('%s refuses malformed request %j', async (channel, args) => {
    const { ipcMain } = register();
    await expect(ipcMain.invoke(channel, APP_FRAME, ...args)).rejects.toThrow(/refused/);
  });

  it('app:info reports the version and a known platform', async () => {
    const { ipcMain } = register();
    expect(await ipcMain.invoke('app:info', APP_FRAME)).toEqual({ version: '1.2.3', platform: 'linux' });
    fakeElectron().ipcMain.handlers.clear();
    const other = register({ platform: 'freebsd' });
    expect(await other.ipcMain.invoke('app:info', APP_FRAME)).toEqual({ version: '1.2.3', platform: 'other' });
  });

  it.each([
    ['shell:open-external', { url: 'https://example.com', extra: 'x' }],
    ['source:save', { sourceId: 'ops', url: 'https://git.example.com/ops.git', extra: 'x' }],
    ['sync:run', { sourceId: 'ops', cached: {}, extra: 'x' }],
    ['sync:cancel', { sourceId: 'ops', extra: 'x' }],
    ['sync:prune-stores', { keepSourceIds: ['ops'], extra: 'x' }],
  ] as const)('%s refuses a field the contract does not have, naming it, before the handler runs', async (channel, request) => {
    const { ipcMain, deps } = register();
    await expect(ipcMain.invoke(channel, APP_FRAME, request)).rejects.toThrow(`${channel} refused: extra: is not part of this message`);
    expect(deps.openExternalSafely).not.toHaveBeenCalled();
    expect(deps.sourceSettings.save).not.toHaveBeenCalled();
    expect(deps.syncRun).not.toHaveBeenCalled();
    expect(deps.syncCancel).not.toHaveBeenCalled();
    expect(deps.pruneSyncStores).not.toHaveBeenCalled();
  });

  it('shell:open-external passes the URL on', async () => {
    const { ipcMain, deps } = register();
    expect(await ipcMain.invoke('shell:open-external', APP_FRAME, { url: 'https://example.com' })).toEqual({ opened: true });
    expect(deps.openExternalSafely).toHaveBeenCalledWith('https://example.com');
  });

  it('window:print-to-pdf prints the calling page', async () => {
    const { ipcMain, deps } = register();
    expect(await ipcMain.invoke('window:print-to-pdf', APP_FRAME, { suggestedName: 'DB failover' })).toEqual({
      saved: true,
      path: '/tmp/DB failover.pdf',
    });
    expect(deps.printToPdf).toHaveBeenCalledWith(expect.objectContaining({ send: expect.any(Function) }), 'DB failover');
  });

  it('token:set stores and answers without the token', async () => {
    const { ipcMain, deps } = register();
    const result = await ipcMain.invoke('token:set', APP_FRAME, { sourceId: 'ops', token: ' ghp_abc ' });
    expect(result).toEqual({ stored: true });
    expect(deps.tokenStore.setToken).toHaveBeenCalledWith('ops', 'ghp_abc', 'https://git.example.com');
  });

  it('source:save keeps the normalised settings main will sync from', async () => {
    const { ipcMain, deps } = register();
    const answer = await ipcMain.invoke('source:save', APP_FRAME, {
      sourceId: 'ops',
      url: 'https://git.example.com/ops.git',
      subdir: './docs//runbooks/',
    });
    expect(answer).toEqual({ saved: true });
    expect(deps.sourceSettings.save).toHaveBeenCalledWith({
      sourceId: 'ops',
      url: 'https://git.example.com/ops.git',
      subdir: 'docs/runbooks',
    });
  });

  it('token:set binds the token to the origin main saved for the source, and needs that source saved first', async () => {
    const { ipcMain, deps } = register();
    expect(await ipcMain.invoke('token:set', APP_FRAME, { sourceId: 'unsaved', token: 'ghp_abc' })).toEqual({
      stored: false,
      reason: expect.stringContaining('saved before'),
    });
    expect(deps.tokenStore.setToken).not.toHaveBeenCalled();
  });

  it('token:set refuses a source whose address is plain http:// to another computer', async () => {
    const get = vi.fn(async (sourceId: string) => ({ sourceId, url: 'http://git.example.com/ops.git' }));
    const { ipcMain, deps } = register({ sourceSettings: { save: vi.fn(), get } });
    expect(await ipcMain.invoke('token:set', APP_FRAME, { sourceId: 'ops', token: 'ghp_abc' })).toEqual({
      stored: false,
      reason: expect.stringContaining('https://'),
    });
    expect(deps.tokenStore.setToken).not.toHaveBeenCalled();
  });

  it('token:set reports the store refusal as a reason', async () => {
    const setToken = vi.fn(async () => {
      throw new TokenStoreError('The operating system keychain is not available, so the token was not stored.');
    });
    const { ipcMain } = register({ tokenStore: { setToken, hasToken: vi.fn(), deleteToken: vi.fn() } });
    expect(await ipcMain.invoke('token:set', APP_FRAME, { sourceId: 'ops', token: 'ghp_abc' })).toEqual({
      stored: false,
      reason: 'The operating system keychain is not available, so the token was not stored.',
    });
  });

  it('token:set does not echo unexpected errors (they could contain the input)', async () => {
    const setToken = vi.fn(async (_sourceId: string, token: string) => {
      throw new Error(`write failed for ${token}`);
    });
    const { ipcMain } = register({ tokenStore: { setToken, hasToken: vi.fn(), deleteToken: vi.fn() } });
    const result = await ipcMain.invoke('token:set', APP_FRAME, { sourceId: 'ops', token: 'ghp_abc' });
    expect(JSON.stringify(result)).not.toContain('ghp_abc');
    expect(result).toMatchObject({ stored: false });
  });

  it('token:has and token:delete pass the source id', async () => {
    const { ipcMain, deps } = register();
    expect(await ipcMain.invoke('token:has', APP_FRAME, { sourceId: 'ops' })).toBe(true);
    expect(await ipcMain.invoke('token:has', APP_FRAME, { sourceId: 'other' })).toBe(false);
    expect(await ipcMain.invoke('token:delete', APP_FRAME, { sourceId: 'ops' })).toBeUndefined();
    expect(deps.tokenStore.deleteToken).toHaveBeenCalledWith('ops');
  });

  it('sync:run hands main the validated request and the calling page, which alone gets the progress', async () => {
    const { ipcMain, deps } = register();
    const answer = await ipcMain.invoke('sync:run', APP_FRAME, {
      sourceId: 'ops',
      cached: { 'a.md': 'a'.repeat(40) },
      minBytesPerSecond: 100,
    });
    expect(answer).toEqual({ ok: false, error: { code: 'offline', message: 'This device is offline.' } });
    const [request, target] = vi.mocked(deps.syncRun).mock.calls[0]!;
    expect(request).toEqual({ sourceId: 'ops', cached: { 'a.md': 'a'.repeat(40) }, minBytesPerSecond: 100 });
    expect((target as unknown as { sent: unknown[] }).sent).toEqual([
      { channel: 'sync:progress', payload: { sourceId: 'ops', progress: { phase: 'connecting' } } },
    ]);
  });

  it('sync:run passes the re-read flag on only when it is set', async () => {
    const { ipcMain, deps } = register();
    const base = { sourceId: 'ops', cached: {} };
    await ipcMain.invoke('sync:run', APP_FRAME, { ...base, rereadAll: true });
    await ipcMain.invoke('sync:run', APP_FRAME, { ...base, rereadAll: false });
    expect(vi.mocked(deps.syncRun).mock.calls.map(([request]) => request)).toEqual([{ ...base, rereadAll: true }, base]);
  });

  it('source:probe-host probes the named source and passes main’s answer back (null for a source main does not know)', async () => {
    const { ipcMain, deps } = register();
    expect(await ipcMain.invoke('source:probe-host', APP_FRAME, { sourceId: 'ops' })).toEqual({
      host: 'git.example.com',
      reached: true,
      at: '2026-12-05T09:00:00.000Z',
    });
    expect(await ipcMain.invoke('source:probe-host', APP_FRAME, { sourceId: 'other' })).toBeNull();
    expect(deps.probeHost).toHaveBeenCalledWith('ops');
  });

  it('source:probe-host refuses a request that names an address: main probes only what it saved', async () => {
    const { ipcMain, deps } = register();
    await expect(
      ipcMain.invoke('source:probe-host', APP_FRAME, { sourceId: 'ops', url: 'http://169.254.169.254/latest/meta-data' }),
    ).rejects.toThrow(
      'source:probe-host refused: url: A probe request carries no address; the app probes the address it saved for the source.',
    );
    expect(deps.probeHost).not.toHaveBeenCalled();
  });

  it('sync:cancel stops the named source’s sync and says whether one was running', async () => {
    const { ipcMain, deps } = register();
    expect(await ipcMain.invoke('sync:cancel', APP_FRAME, { sourceId: 'ops' })).toBe(true);
    expect(await ipcMain.invoke('sync:cancel', APP_FRAME, { sourceId: 'idle' })).toBe(false);
    expect(vi.mocked(deps.syncCancel).mock.calls).toEqual([['ops'], ['idle']]);
  });

  it('sync:delete-store deletes the named source’s store and passes main’s answer back', async () => {
    const deleteSyncStore = vi.fn(async (sourceId: string) =>
      sourceId === 'ops' ? { deleted: true } : { deleted: false, reason: 'The source’s downloaded Git data could not be deleted (EBUSY).' },
    );
    const { ipcMain } = register({ deleteSyncStore });
    expect(await ipcMain.invoke('sync:delete-store', APP_FRAME, { sourceId: 'ops' })).toEqual({ deleted: true });
    expect(await ipcMain.invoke('sync:delete-store', APP_FRAME, { sourceId: 'busy' })).toEqual({
      deleted: false,
      reason: 'The source’s downloaded Git data could not be deleted (EBUSY).',
    });
    expect(deleteSyncStore.mock.calls).toEqual([['ops'], ['busy']]);
  });

  it('sync:prune-stores passes the kept source ids to main and its counts back', async () => {
    const pruneSyncStores = vi.fn(async () => ({ removed: 2, failed: 1 }));
    const { ipcMain } = register({ pruneSyncStores });
    expect(await ipcMain.invoke('sync:prune-stores', APP_FRAME, { keepSourceIds: ['ops'] })).toEqual({
      removed: 2,
      failed: 1,
    });
    expect(await ipcMain.invoke('sync:prune-stores', APP_FRAME, { keepSourceIds: [] })).toEqual({ removed: 2, failed: 1 });
    expect(pruneSyncStores.mock.calls).toEqual([[['ops']], [[]]]);
  });

  it('no handler can return a stored token', async () => {
    const { ipcMain } = register();
    const answers = await Promise.all(ALL_CHANNELS.map((channel) => ipcMain.invoke(channel, APP_FRAME, ...VALID_REQUESTS[channel])));
    expect(JSON.stringify(answers)).not.toContain('ghp_abc');
  });
});

describe('offline copies over IPC', () => {
  it('offline-copy:import hands main the checked request and passes its answer back', async () => {
    const { ipcMain, deps } = register();
    const bytes = new Uint8Array([35, 32, 118, 50]);
    const answer = await ipcMain.invoke('offline-copy:import', APP_FRAME, {
      sourceId: 'ops',
      fileName: 'ops.bundle',
      bytes,
      cached: {},
      allowOlder: true,
    });
    expect(deps.importOfflineCopy).toHaveBeenCalledWith(
      expect.objectContaining({ sourceId: 'ops', fileName: 'ops.bundle', bytes, allowOlder: true }),
    );
    expect(answer).toEqual({ ok: false, error: { code: 'damaged', message: 'The bundle is damaged.' } });
  });

  it('offline-copy:inspect hands main the file and the sources, and refuses a version that is not a commit', async () => {
    const { ipcMain, deps } = register();
    const request = { bytes: new Uint8Array([35, 32, 118, 50]), sources: [{ id: 'ops', version: 'a'.repeat(40) }] };
    expect(await ipcMain.invoke('offline-copy:inspect', APP_FRAME, request)).toEqual({
      match: { kind: 'same', sourceId: 'ops', commit: 'a'.repeat(40) },
    });
    expect(deps.inspectOfflineCopy).toHaveBeenCalledWith(request);
    await expect(
      ipcMain.invoke('offline-copy:inspect', APP_FRAME, { bytes: request.bytes, sources: [{ id: 'ops', version: '../x' }] }),
    ).rejects.toThrow(/not a commit id/);
  });

  it('offline-copy:save asks for the calling page (its window owns the dialog)', async () => {
    const { ipcMain, deps } = register();
    const request = { sourceId: 'ops', name: 'Ops', commit: 'b'.repeat(40) };
    expect(await ipcMain.invoke('offline-copy:save', APP_FRAME, request)).toMatchObject({ saved: false, cancelled: true });
    expect(deps.saveOfflineCopy).toHaveBeenCalledWith(request, expect.anything());
  });
});
