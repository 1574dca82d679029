// Debian's Chromium driven by playwright-core (no browser download). The
// network is closed here: these flags stop Chromium's own background traffic.
import { createRequire } from 'node:module';
import path from 'node:path';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

// `origin`: the page that may use the clipboard (the driver reads the editor text through it).
export async function launchChromium({ cacheDir, profileDir, executablePath, origin }) {
  const { chromium } = createRequire(path.join(cacheDir, 'package.json'))('playwright-core');
  // A persistent context on a fresh folder: the profile lives and dies with the run's temp folder.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
