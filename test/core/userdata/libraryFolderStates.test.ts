import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { LIBRARY_FOLDERS_KEY, readLibraryFolderStates, writeLibraryFolderStates } from '../../../core/userdata/libraryFolderStates';
import { openTestDatabase } from '../cache/testDatabase';

let db: RunbookDatabase;

beforeEach(() => {
  db = openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

const stored = async () => readLibraryFolderStates((await db.settings.get(LIBRARY_FOLDERS_KEY))?.value);

describe('remembered library folders', () => {
  it('keeps each folder opened or closed, across writes', async () => {
    await writeLibraryFolderStates(db, { 'docs\u0000backend': true });
    await writeLibraryFolderStates(db, { 'docs\u0000users': true, 'docs\u0000': false });
    await writeLibraryFolderStates(db, { 'docs\u0000backend': false });
    expect(await stored()).toEqual({ 'docs\u0000backend': false, 'docs\u0000users': true, 'docs\u0000': false });
  });

  it('two toggles at the same moment both stick', async () => {
    await Promise.all([writeLibraryFolderStates(db, { a: true }), writeLibraryFolderStates(db, { b: true })]);
    expect(await stored()).toEqual({ a: true, b: true });
  });

  it('reads a missing or malformed row as nothing remembered, dropping entries that are not true or false', () => {
    expect(readLibraryFolderStates(undefined)).toEqual({});
    expect(readLibraryFolderStates(['x'])).toEqual({});
    expect(readLibraryFolderStates('open')).toEqual({});
    expect(readLibraryFolderStates({ a: true, b: 'yes', c: false })).toEqual({ a: true, c: false });
  });
});
