/**
 * Builds the web UI into dist/web/ (served by `dossier serve`): `npm run build:web`. Everything the UI needs is
 * bundled, including the world geometry, so it works with no network at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Copies Natural Earth 1:110m countries (world-atlas) next to the bundle as world-110m.json. */
function worldGeometry(): Plugin {
  return {
    name: 'dossier-world-geometry',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'world-110m.json', source: readFileSync(require.resolve('world-atlas/countries-110m.json')) });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [worldGeometry()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No inline script or data: URL: the server's Content-Security-Policy allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1000,
    reportCompressedSize: false,
  },
});
