// Before the tests: make sure Debian's Chromium is there for the browser tests (installing it
// when run as root, as CI is), then build the app they drive.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log('Installing Chromium from Debian for the browser tests…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
  } else {
    console.error(`The browser tests need Chromium at ${chromium}. Install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
}
execSync('npx vite build --logLevel warn && npx vite build -c vite.snapshot.config.ts --logLevel warn', { stdio: 'inherit' });
