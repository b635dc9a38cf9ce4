// Bundles the console into ../teleop/console/dist, which the Go binary
// embeds. Run with `npm ci && npm run build` (or `make console`).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'teleop', 'console', 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Three pages, three bundles: the operator console (index.html, app.js
// with three.js), the clinicians' page (clinic.html, clinic.js, which
// needs none of it) and the hospital hub's device list (hub.html, hub.js,
// served by `chiron hub` with the clinicians' page).
for (const page of ['app', 'clinic', 'hub']) {
  await esbuild.build({
    entryPoints: [join(here, 'src', `${page}.js`)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    outfile: join(out, `${page}.js`),
    legalComments: 'linked',
    logLevel: 'info',
  });
}
copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
copyFileSync(join(here, 'src', 'clinic.html'), join(out, 'clinic.html'));
copyFileSync(join(here, 'src', 'hub.html'), join(out, 'hub.html'));
