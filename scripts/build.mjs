// Builds the one bundle GitHub runs and npm ships: dist/index.js (ESM, Node 20+, not minified).
// The banner gives bundled CommonJS dependencies the `require` they expect inside ESM.
import { execFileSync } from 'node:child_process';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';

// `--outfile FILE` builds elsewhere, so a test can compare a fresh build with the committed one.
const flag = process.argv.indexOf('--outfile');
const outfile = flag > 0 ? process.argv[flag + 1] : 'dist/index.js';

await build({
  entryPoints: ['src/index.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  // Prefer packages' ESM builds: jsonc-parser's main (UMD) build loads its parts with dynamic require()s esbuild cannot follow.
  mainFields: ['module', 'main'],
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
await chmod(outfile, 0o755);

// The library's types: declarations emitted by tsc, re-exported from dist/index.d.ts.
if (outfile === 'dist/index.js') {
  await rm('dist/types', { recursive: true, force: true });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  await writeFile('dist/index.d.ts', "export * from './types/src/index.js';\n");
}
