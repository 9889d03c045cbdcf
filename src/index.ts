/**
 * The one entry: the library when imported, the CLI when run (`npx mlserver-release`),
 * and the GitHub Action when the runner starts it as a `uses:` step. Importing never runs anything.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isActionRun, runAction } from './action.js';
import { runCli } from './cli.js';
import { exitCleanlyOnInterrupt } from './interrupts.js';

export {
  release, publish, promote, setDefault, rollout, verify, verifySignature, list, prune,
  type ReleaseOptions, type PublishOptions, type PromoteOptions, type DefaultOptions, type RolloutOptions,
  type VerifyOptions, type VerifySignatureOptions, type ListOptions, type PruneOptions, type VerbRuntime,
} from './library.js';
export type {
  ReleaseResult, ReleaseStatus, PromoteResult, DefaultResult, RolloutResult, VerifiedVersion, SignatureCheck, ListResult, ModelComparison, PruneResult, Report,
} from './results.js';
export { OPTIONS, COMMANDS, type Command, type OptionsOf, type OptionRow } from './options.js';
export { ReleaseError, EXIT, CATALOG, type ErrorCode } from './errors.js';
export { Logger, silentLogger } from './log.js';
export { Redactor } from './redact.js';

/** The Action's entry in GitHub's template shape (see action.ts); `import('mlserver-release')` never runs it. */
export async function run(): Promise<void> {
  const action = await import('./action.js');
  await action.run();
}

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
  if (isActionRun(process.env, process.argv.slice(2))) {
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
