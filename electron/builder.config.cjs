// electron-builder configuration (`npm run dist` passes it with --config).
// CommonJS because package.json says "type": "module" and electron-builder loads .cjs with require.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'tv.clpr.runbookreader',
  productName: 'Runbook Reader',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  // main and preload are self-contained esbuild bundles; the renderer is the Vite build.
  files: ['dist/web/**', 'dist-electron/**', 'runbooks/**', 'package.json'],
  asar: true,
  // No native modules: nothing to rebuild against Electron's headers.
  npmRebuild: false,
  protocols: [{ name: 'Runbook Reader', schemes: ['runbook-reader'] }],
  // Offline copies open with the app ("Open with", double-click); main hands them to the import panel.
  fileAssociations: [
    {
      ext: 'bundle',
      name: 'Git bundle (runbooks)',
      description: 'Offline copy of a runbook repository',
      role: 'Viewer',
      mimeType: 'application/x-git-bundle',
    },
  ],

  // Fuses are flipped in the Electron binary itself, so they hold whatever the environment says.
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js runtime
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false, // pages come from app://, never file://
  },

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    maintainer: 'Runbook Reader team',
    executableName: 'runbook-reader',
    icon: 'build/icons',
    synopsis: 'Offline reader for operational runbooks',
  },
  mac: {
    target: 'dmg',
    category: 'public.app-category.developer-tools',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  win: {
    target: 'nsis',
    icon: 'build/icon.png',
  },
};
