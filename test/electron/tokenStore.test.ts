import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appTokenStore, createTokenStore, readToken, TOKEN_FILE_NAME, TokenStoreError } from '../../electron/tokenStore';
import { fakeElectron } from '../setup/electronMock';

const TOKEN = 'ghp_S3cr3tT0kenValue1234567890abcdef';
const ORIGIN = 'https://git.example.com';

let folder: string;
let filePath: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'token-store-'));
  filePath = path.join(folder, 'nested', TOKEN_FILE_NAME);
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function store(platform: NodeJS.Platform = 'darwin') {
  return createTokenStore({ filePath, cipher: fakeElectron().safeStorage, platform });
}

/** Every byte written anywhere under the test folder, as text. */
async function everythingOnDisk(): Promise<string> {
  const names = await readdir(folder, { recursive: true });
  const contents = await Promise.all(
    names.map(async (name) => {
      const full = path.join(folder, name);
      return (await stat(full)).isFile() ? readFile(full, 'latin1') : '';
    }),
  );
  return contents.join('\n');
}

describe('token store', () => {
  it('round-trips a token through encryption', async () => {
    const tokens = store();
    expect(await tokens.hasToken('ops')).toBe(false);
    await tokens.setToken('ops', TOKEN, ORIGIN);
    expect(await tokens.hasToken('ops')).toBe(true);
    expect(await tokens.readToken('ops')).toEqual({ value: TOKEN, origin: ORIGIN });
    expect(await store().readToken('ops')).toEqual({ value: TOKEN, origin: ORIGIN });
  });

  it('never writes the plaintext token to disk', async () => {
    await store().setToken('ops', TOKEN, ORIGIN);
    const disk = await everythingOnDisk();
    expect(disk).not.toContain(TOKEN);
    expect(disk).not.toContain(Buffer.from(TOKEN).toString('base64'));
    const saved = JSON.parse(await readFile(filePath, 'utf8')) as Record<string, { origin: string; ciphertext: string }>;
    expect(Object.keys(saved)).toEqual(['ops']);
    expect(saved.ops?.origin).toBe(ORIGIN);
    expect(fakeElectron().safeStorage.decryptString(Buffer.from(saved.ops?.ciphertext ?? '', 'base64'))).toBe(TOKEN);
  });

  it('writes the file readable by the user only', async () => {
    await store().setToken('ops', TOKEN, ORIGIN);
    if (process.platform !== 'win32') expect((await stat(filePath)).mode & 0o077).toBe(0);
  });

  it('keeps several sources apart and deletes one', async () => {
    const tokens = store();
    await Promise.all([
      tokens.setToken('a', 'token-a', ORIGIN),
      tokens.setToken('b', 'token-b', ORIGIN),
      tokens.setToken('c', 'token-c', ORIGIN),
    ]);
    await tokens.deleteToken('b');
    expect(await tokens.hasToken('a')).toBe(true);
    expect(await tokens.hasToken('b')).toBe(false);
    expect(await tokens.readToken('c')).toEqual({ value: 'token-c', origin: ORIGIN });
    await tokens.deleteToken('never-there');
  });

  it('replaces an existing token', async () => {
    const tokens = store();
    await tokens.setToken('ops', 'old-token', ORIGIN);
    await tokens.setToken('ops', 'new-token', ORIGIN);
    expect(await tokens.readToken('ops')).toEqual({ value: 'new-token', origin: ORIGIN });
  });

  it('refuses to store when encryption is unavailable, and writes nothing', async () => {
    fakeElectron().safeStorage.available = false;
    await expect(store().setToken('ops', TOKEN, ORIGIN)).rejects.toThrow(TokenStoreError);
    await expect(store().setToken('ops', TOKEN, ORIGIN)).rejects.toThrow(/keychain is not available/);
    expect(await readdir(folder)).toEqual([]);
  });

  it("refuses Linux's basic_text fallback (a fixed key is not encryption)", async () => {
    fakeElectron().safeStorage.backend = 'basic_text';
    await expect(store('linux').setToken('ops', TOKEN, ORIGIN)).rejects.toThrow(/keyring/);
    expect(await readdir(folder)).toEqual([]);
    // The backend name is Linux-only: elsewhere it does not matter.
    await store('win32').setToken('ops', TOKEN, ORIGIN);
    expect(await store('win32').hasToken('ops')).toBe(true);
  });

  it('never puts the token in an error message', async () => {
    const cipher = {
      ...fakeElectron().safeStorage,
      encryptString: (plain: string): Buffer => {
        throw new Error(`cannot encrypt ${plain}`);
      },
    };
    const tokens = createTokenStore({ filePath, cipher, platform: 'darwin' });
    const error = await tokens.setToken('ops', TOKEN, ORIGIN).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenStoreError);
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });

  it('never logs', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    const tokens = store();
    await tokens.setToken('ops', TOKEN, ORIGIN);
    await tokens.readToken('ops');
    await writeFile(filePath, '{not json');
    await tokens.hasToken('ops');
    for (const spy of spies) {
      for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(TOKEN);
      spy.mockRestore();
    }
  });

  it('treats a corrupt or foreign file as empty', async () => {
    const tokens = store();
    await tokens.setToken('ops', TOKEN, ORIGIN);
    for (const text of ['{not json', '[1,2]', 'null', '{"ops": 42}']) {
      await writeFile(filePath, text);
      expect(await tokens.hasToken('ops')).toBe(false);
    }
    await tokens.setToken('ops', TOKEN, ORIGIN);
    expect(await tokens.readToken('ops')).toEqual({ value: TOKEN, origin: ORIGIN });
  });

  it('returns undefined for a ciphertext it cannot decrypt (another keychain)', async () => {
    const tokens = store();
    await tokens.setToken('ops', TOKEN, ORIGIN);
    await writeFile(filePath, JSON.stringify({ ops: { origin: ORIGIN, ciphertext: Buffer.from('garbage').toString('base64') } }));
    expect(await tokens.readToken('ops')).toBeUndefined();
    expect(await tokens.readToken('missing')).toBeUndefined();
  });

  it('binds each token to the origin it was saved for, and refuses anything but an origin', async () => {
    const tokens = store();
    await tokens.setToken('ops', TOKEN, 'https://git.example.com:8443');
    expect(await tokens.readToken('ops')).toEqual({ value: TOKEN, origin: 'https://git.example.com:8443' });
    for (const notAnOrigin of ['https://git.example.com/team/repo.git', 'git.example.com', 'file:///etc', '']) {
      await expect(tokens.setToken('other', TOKEN, notAnOrigin)).rejects.toThrow(TokenStoreError);
    }
    expect(await tokens.hasToken('other')).toBe(false);
  });

  it('never hands out a token saved before tokens were bound to an origin (entered again instead)', async () => {
    const ciphertext = fakeElectron().safeStorage.encryptString(TOKEN).toString('base64');
    await store().setToken('current', TOKEN, ORIGIN);
    const saved = JSON.parse(await readFile(filePath, 'utf8')) as Record<string, unknown>;
    await writeFile(filePath, JSON.stringify({ ...saved, legacy: ciphertext }));
    expect(await store().readToken('legacy')).toBeUndefined();
    expect(await store().hasToken('legacy')).toBe(false);
    expect(await store().readToken('current')).toEqual({ value: TOKEN, origin: ORIGIN });
  });

  it('handles source ids that are also Object.prototype names', async () => {
    const tokens = store();
    for (const sourceId of ['__proto__', 'constructor', 'toString']) {
      expect(await tokens.hasToken(sourceId)).toBe(false);
      await tokens.setToken(sourceId, `token-${sourceId}`, ORIGIN);
      expect(await tokens.readToken(sourceId)).toEqual({ value: `token-${sourceId}`, origin: ORIGIN });
    }
  });

  it('exposes the app store in userData and a main-only readToken', async () => {
    fakeElectron().app.paths.userData = folder;
    await appTokenStore().setToken('ops', TOKEN, ORIGIN);
    expect(await readToken('ops')).toEqual({ value: TOKEN, origin: ORIGIN });
    expect(await readFile(path.join(folder, TOKEN_FILE_NAME), 'utf8')).not.toContain(TOKEN);
  });
});
