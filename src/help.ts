/**
 * --help, made from the option table: the whole tool's, and each command's
 * (`mlserver-release promote --help` shows promote's options only).
 */
import { COMMANDS, envName, optionsOf, type Command, type OptionRow } from './options.js';
import { TOOL_VERSION } from './version.js';

/** What each command does, with its usage line. */
export const COMMAND_USAGE: Record<Command, { usage: string; does: string }> = {
  release: { usage: 'release [options]', does: 'run the notebook, then publish (and verify with --verify-url)' },
  publish: { usage: 'publish [options]', does: 'publish an existing artifact (release --runner none)' },
  promote: { usage: 'promote --version V --from URL|PATH --to URL|PATH [options]', does: 'copy a tested version byte for byte from staging to production' },
  default: { usage: 'default --version V|newest [options]', does: 'make V what /v2/models/<name>/infer serves (rollback: an older V)' },
  rollout: { usage: 'rollout --platform kserve|seldon --version V --manifests-repo URL|PATH [--canary N | --promote | --rollback]', does: 'roll a version in object storage out on KServe or Seldon Core, as a GitOps commit' },
  verify: { usage: 'verify --verify-url URL [options]', does: 'check a served version: ready, then the sample request' },
  'verify-signature': { usage: 'verify-signature --model NAME --version V --repo URL|PATH (--public-key FILE | --signer-identity ID --signer-issuer URL --trusted-root FILE)', does: 'check a published version\'s model.sig in any store: exit 4 naming the first file that differs' },
  list: { usage: 'list [options]', does: 'versions per model, newest last, with MLServer\'s default marked (any store)' },
  prune: { usage: 'prune --keep N [--yes] [options]', does: 'remove all but the newest N versions of each model' },
};

export const EXIT_CODES_HELP = `Exit codes:
  0  done: released, already published with identical content, listed, pruned, verified
  1  unexpected error (a bug: please report it)
  2  usage or bad input (options, model-settings.json, notebook, artifact, repo path)
  3  the notebook failed (the executed notebook is kept)
  4  publishing failed (remote, credentials, a version published with other content, unsafe store contents)
  5  verification failed (not ready in time, wrong model or version, unexpected outputs)
  6  the model does not load: MLServer's own loading code failed on the staged version (nothing published)
  7  the quality gate failed (--require, --no-regression): nothing published, the executed notebook kept
  130, 143  interrupted (SIGINT, SIGTERM): the notebook was stopped and temporary files removed
`;

/** The help line of one option: its flag, its values, what it does, its default and its env names. */
export function optionLine(row: OptionRow): string {
  const value = row.kind === 'flag' ? '' : ` ${row.choices ? row.choices.join('|') : row.value ?? 'X'}`;
  const extra = [
    row.default !== undefined ? `default: ${row.default}` : '',
    row.aliases?.length ? `env: ${row.aliases.map((alias) => alias.name).join(', ')}` : '',
  ].filter(Boolean);
  return `  --${`${row.name}${value}`.padEnd(30)} ${row.help}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

function optionsHelp(command: Command): string {
  return optionsOf(command).map(optionLine).join('\n');
}

const ENV_RULE = `Every option can also be set as env ${envName('<option>')}, e.g.
MLSERVER_RELEASE_MODELS_PATH=deploy/models; a flag wins over env, and that env over
the other names an option lists. Lists take one value per line.`;

/** One command's help. */
export function commandHelp(command: Command): string {
  const { usage, does } = COMMAND_USAGE[command];
  return `mlserver-release ${usage}
  ${does}

Options of ${command}:
${optionsHelp(command)}

${ENV_RULE}

${EXIT_CODES_HELP}`;
}

/** The whole tool's help: every command and every option. */
export const HELP = `mlserver-release ${TOOL_VERSION}
Turn a git tag into a served MLServer model: run the training notebook, write the
version into model-settings.json, publish models/<name>-<version>/ (or, with --layout name/version,
models/<name>/<version>/) to the model repository: a git remote, a host API, a folder, or S3.

Usage:
${COMMANDS.map((command) => `  mlserver-release ${COMMAND_USAGE[command].usage}\n      ${COMMAND_USAGE[command].does}`).join('\n')}
  mlserver-release <command> --help    that command's options only
  mlserver-release --help | --version

${COMMANDS.filter((command) => command !== 'publish').map((command) => `Options of ${command === 'release' ? 'release and publish' : command}:\n${optionsHelp(command)}`).join('\n\n')}

${ENV_RULE}

${EXIT_CODES_HELP}`;
