/**
 * Preload for the sandboxed renderer: exposes the typed bridge as `window.runbookReader`.
 * Bundled by esbuild into one CommonJS file (sandboxed preloads cannot load other files).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_KEY } from '../core/desktop/ipcContract';
import { createDesktopBridge } from './desktopBridge';

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, createDesktopBridge(ipcRenderer));
