// Renders build/icon.svg to the PNGs electron-builder needs: build/icon.png (1024×1024, macOS and
// Windows) and build/icons/<size>x<size>.png (Linux icon set), and to the web app's icons in
// renderer/public/icons/ (192 and 512 px, plus a maskable 512 px with the safe-zone padding). Uses the system's Chromium through
// playwright-core, so nothing is downloaded. Run: node build/make-icons.mjs
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath} (install Debian's chromium or set CHROMIUM_PATH).`);
  process.exit(1);
}

const svg = await readFile(path.join(here, 'icon.svg'));
const source = `data:image/svg+xml;base64,${svg.toString('base64')}`;

const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

async function render(size, outputPath, { maskable = false } = {}) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  // A maskable icon is cropped to a circle by some launchers: keep the glyph inside the central 80 %.
  const inner = maskable ? Math.round(size * 0.8) : size;
  const pad = (size - inner) / 2;
  // An <img> scales the SVG as one image (crisper at tiny sizes than scaling the page).
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:${maskable ? '#15171a' : 'transparent'}">` +
      `<img src="${source}" width="${inner}" height="${inner}" style="display:block;margin:${pad}px"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: outputPath, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  console.log(`${path.relative(process.cwd(), outputPath)} (${size}×${size})`);
}

try {
  await mkdir(path.join(here, 'icons'), { recursive: true });
  await render(1024, path.join(here, 'icon.png'));
  for (const size of LINUX_SIZES) await render(size, path.join(here, 'icons', `${size}x${size}.png`));
  const web = path.join(here, '..', 'renderer', 'public', 'icons');
  await mkdir(web, { recursive: true });
  await render(192, path.join(web, 'icon-192.png'));
  await render(512, path.join(web, 'icon-512.png'));
  await render(512, path.join(web, 'maskable-512.png'), { maskable: true });
} finally {
  await browser.close();
}
