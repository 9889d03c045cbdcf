/**
 * The one entry: the library when imported, the CLI when run (`npx mlserver-release`),
 * and the GitHub Action when the runner starts it as a `uses:` step. Importing never runs anything.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isActionRun, runAction } from './action.js';
import { runCli } from './cli.js';
import { exitCleanlyOnInterrupt } from './interrupts.js';

export { run } from './action.js';
export { release, type ReleaseResult, type ReleaseRuntime, type ReleaseStatus } from './release.js';
export type { ReleaseOptions } from './plan.js';
export { ReleaseError, EXIT, CATALOG, type ErrorCode } from './errors.js';
export { Logger, silentLogger } from './log.js';
export { Redactor } from './redact.js';
export { renderSettings } from './settings/render.js';
export { validateSettings } from './settings/validate.js';
export { MLSERVER_LINES, type MlserverLine } from './settings/mlserver-schema.js';
export { detectProvider, PROVIDERS } from './providers/index.js';

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

export async function main(): Promise<void> {
  exitCleanlyOnInterrupt((line) => process.stderr.write(`${line}\n`));
  if (isActionRun(process.env)) {
    process.exitCode = await runAction({ env: process.env, cwd: process.cwd(), stderr: process.stdout });
    return;
  }
  process.exitCode = await runCli({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

if (isMain()) void main();
