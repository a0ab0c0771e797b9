/**
 * Imported first by every interaction test that runs in jsdom (`// @vitest-environment jsdom`): an in-memory
 * IndexedDB for the app's Dexie cache, the browser APIs jsdom lacks, and a clean DOM and database after
 * each test.
 */
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { loadEveryFormattingExtra } from '../../../renderer/runbook/formattingExtras';

// findBy* and waitFor give up after one second by default, a wall-clock limit a busy machine can miss; a
// test that never gets there still fails, after 20 s.
configure({ asyncUtilTimeout: 20_000 });

// jsdom has no layout: scrolling is a no-op there.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
window.scrollTo = () => undefined;
// jsdom's Blob (so File) cannot be read as a promise; the page reads picked, dropped and opened files so.
Blob.prototype.arrayBuffer ??= function arrayBuffer(this: Blob) {
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(this);
  });
};
// A <dialog> opened with showModal(): jsdom knows the element but not the modal methods.
if (typeof HTMLDialogElement !== 'undefined') {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// Highlighting, emoji and HTML are loaded with the first body that needs them; here they are there from the
// start, as after the app's first such runbook (their loading is tested in formattingExtras.test.tsx).
await loadEveryFormattingExtra();

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  const { db } = await import('../../../renderer/app/database');
  await Promise.all(db.tables.map((table) => table.clear()));
});
