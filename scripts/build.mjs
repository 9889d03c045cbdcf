// Builds the one bundle GitHub runs and npm ships: dist/index.js (ESM, Node 20+, not minified).
// The banner gives bundled CommonJS dependencies the `require` they expect inside ESM.
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __mlsrCreateRequire } from 'node:module';",
      'const require = __mlsrCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});

// npx and the bin link run the bundle directly.
await chmod('dist/index.js', 0o755);
