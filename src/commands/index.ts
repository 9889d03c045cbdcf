/**
 * Every verb, from its typed options (options.ts) to its result. The CLI, the
 * Action and the library all end here, so a verb is the same in every home.
 * Each verb's own logic lives in its module; this file only shapes the typed,
 * flat options into what that module takes (promote's two sides, list's
 * --compare store) and checks what a verb cannot run without.
 */
import { defaultCommand } from './default.js';
import { ReleaseError } from '../errors.js';
import { listVersions, pruneVersions, verifyVersion } from './housekeeping.js';
import type { Command, OptionsOf } from '../options.js';
import { promote } from './promote.js';
import { release } from './release.js';
import { rollout } from './rollout.js';
import { verifySignature } from './verify-signature.js';
import type { VerbResults } from '../results.js';
import type { VerbRuntime } from './types.js';

type Verb<C extends Command> = (options: OptionsOf<C>, runtime: VerbRuntime) => Promise<VerbResults[C]>;

function storeSide(options: Record<string, unknown>, prefix: 'from' | 'to') {
  const get = (field: string) => options[`${prefix}${field}`] as never;
  return {
    repo: options[prefix] as string | undefined, token: get('Token'), target: get('Target'), via: get('Via'), branch: get('Branch'),
    hostType: get('HostType'), apiUrl: get('ApiUrl'),
  };
}

const VERBS: { [C in Command]: Verb<C> } = {
  release: (options, runtime) => release(options, runtime),
  // publish is release without running the notebook.
  publish: (options, runtime) => release({ ...options, runner: 'none' }, runtime),
  promote: (options, runtime) => {
    const { from, fromToken, fromTarget, fromVia, fromBranch, fromHostType, fromApiUrl, to, toToken, toTarget, toVia, toBranch, toHostType, toApiUrl, ...rest } = options;
    const flat = { from, fromToken, fromTarget, fromVia, fromBranch, fromHostType, fromApiUrl, to, toToken, toTarget, toVia, toBranch, toHostType, toApiUrl };
    return promote({ ...rest, from: storeSide(flat, 'from'), to: storeSide(flat, 'to') }, runtime);
  },
  default: (options, runtime) => defaultCommand(options, runtime),
  rollout: (options, runtime) => rollout(options, runtime),
  verify: async (options, runtime) => {
    const { verifyUrl, ...rest } = options;
    if (!verifyUrl) throw new ReleaseError('EUSAGE', 'verify needs --verify-url, the MLServer to check');
    return verifyVersion({ ...rest, verifyUrl }, runtime);
  },
  'verify-signature': (options, runtime) => verifySignature(options, runtime),
  list: (options, runtime) => {
    const { compare, compareToken, compareTarget, metrics: _columns, ...rest } = options;
    return listVersions({ ...rest, ...(compare || compareTarget ? { compare: { repo: compare, token: compareToken, target: compareTarget } } : {}) }, runtime);
  },
  prune: (options, runtime) => {
    const { keep, dryRun, yes, ...rest } = options;
    if (keep === undefined) throw new ReleaseError('EUSAGE', 'prune needs --keep N');
    // --dry-run is what leaving out --yes does; together, the dry run wins.
    return pruneVersions({ ...rest, keep, yes: dryRun ? false : yes }, runtime);
  },
};

/** Runs one verb with options already read and checked (read-options.ts). */
export function runVerb<C extends Command>(command: C, options: OptionsOf<C>, runtime: VerbRuntime): Promise<VerbResults[C]> {
  return (VERBS[command] as Verb<C>)(options, runtime);
}
