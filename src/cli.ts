/**
 * The command line: argv and MLSERVER_RELEASE_* env -> ReleaseOptions, and the
 * result -> a human summary or JSON. The only file that parses argv.
 */
import { parseArgs } from 'node:util';
import { EXIT, exitCodeOf, formatError, isReleaseError, ReleaseError } from './errors.js';
import { Logger, type Writable } from './log.js';
import type { ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
import { detectProvider } from './providers/index.js';
import { Redactor } from './redact.js';
import { release, type ReleaseResult } from './release.js';
import { TOOL_VERSION } from './version.js';

interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  value?: string;
  help: string;
}

/** Every option of `release`; each can also come from env MLSERVER_RELEASE_<UPPER_SNAKE>. */
export const OPTIONS: Record<string, OptionSpec> = {
  'model-dir': { type: 'string', value: 'DIR', help: 'Folder of the model project (default: .)' },
  settings: { type: 'string', value: 'FILE', help: 'model-settings.json to publish (default: <model-dir>/model-settings.json)' },
  notebook: { type: 'string', value: 'FILE', help: 'Training notebook (default: <model-dir>/<name>.ipynb)' },
  version: { type: 'string', value: 'V', help: 'Version to release (default: the CI tag, CI_COMMIT_TAG or GITHUB_REF_NAME)' },
  repo: { type: 'string', value: 'URL|PATH', help: 'MLServer model repository, a git URL or local path (env: MLSERVER_REPO)' },
  token: { type: 'string', value: 'TOKEN', help: 'Token for an HTTPS repo (env: MLSERVER_REPO_TOKEN); never printed' },
  branch: { type: 'string', value: 'B', help: "Branch to publish to (default: the remote's default branch)" },
  'models-path': { type: 'string', value: 'P', help: 'Folder inside the repo that holds the models (default: models)' },
  runner: { type: 'string', value: 'R', help: 'auto | papermill | nbconvert | none (default: auto: papermill if on PATH, else nbconvert)' },
  param: { type: 'string', multiple: true, value: 'k=v', help: 'Extra notebook parameter; repeatable' },
  'output-notebook': { type: 'string', value: 'FILE', help: 'Where to keep the executed notebook (default: <stem>.executed.ipynb)' },
  timeout: { type: 'string', value: 'SECONDS', help: 'Per-cell execution timeout (default: none)' },
  'git-user-name': { type: 'string', value: 'N', help: 'Commit author name (env: GIT_USER_NAME)' },
  'git-user-email': { type: 'string', value: 'E', help: 'Commit author email (env: GIT_USER_EMAIL)' },
  'dry-run': { type: 'boolean', help: 'Check everything and print the plan; run nothing, push nothing' },
  force: { type: 'boolean', help: 'Replace an already published version whose content differs (history is kept)' },
  'skip-preflight': { type: 'boolean', help: 'Do not check push access before running the notebook' },
  json: { type: 'boolean', help: 'Print the result as JSON on stdout' },
  dotenv: { type: 'string', value: 'FILE', help: 'GitLab CI: where to write the dotenv report (default: mlserver-release.env)' },
};

export const HELP = `mlserver-release ${TOOL_VERSION}
Turn a git tag into a served MLServer model: run the training notebook, write the
version into model-settings.json, publish models/<name>-<version>/ to the model repo.

Usage:
  mlserver-release release [options]   run the notebook, then publish
  mlserver-release publish [options]   publish an existing artifact (release --runner none)
  mlserver-release --help | --version

Options:
${Object.entries(OPTIONS)
  .map(([name, spec]) => `  --${`${name}${spec.value ? ` ${spec.value}` : ''}`.padEnd(26)} ${spec.help}`)
  .join('\n')}

Every option can also be set as env MLSERVER_RELEASE_<OPTION>, e.g.
MLSERVER_RELEASE_MODELS_PATH=deploy/models; a flag wins over env.

Exit codes:
  0  released, or already published with identical content
  1  unexpected error (a bug: please report it)
  2  usage or bad input (options, model-settings.json, notebook, artifact, repo path)
  3  the notebook failed (the executed notebook is kept)
  4  publishing failed (remote, credentials, or a version published with other content)
`;

export interface CliIO {
  argv: string[];
  env: Env;
  cwd: string;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

type Parsed = { command: 'help' | 'version' } | { command: 'release'; options: ReleaseOptions; json: boolean; dotenv?: string };

export function envName(option: string): string {
  return `MLSERVER_RELEASE_${option.toUpperCase().replace(/-/g, '_')}`;
}

export function parseCli(argv: string[], env: Env): Parsed {
  // `--version` alone asks for the tool's version; with a value it is the release version.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return { command: 'version' };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.entries(OPTIONS).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple ?? false }])),
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new ReleaseError('EUSAGE', (error as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
  const positionals = parsed.positionals;
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  const command = positionals[0];
  if (command === undefined) {
    throw new ReleaseError('EUSAGE', 'No command given: expected `release` or `publish`');
  }
  if (command !== 'release' && command !== 'publish') throw new ReleaseError('EUSAGE', `Unknown command "${command}": expected \`release\` or \`publish\``);
  if (positionals.length > 1) throw new ReleaseError('EUSAGE', `Unexpected argument "${positionals[1]}"`);

  const pick = (name: string): string | undefined => (values[name] as string | undefined) ?? env[envName(name)] ?? undefined;
  const flag = (name: string): boolean | undefined => {
    const value = values[name] as boolean | undefined;
    if (value !== undefined) return value;
    const fromEnv = env[envName(name)];
    if (fromEnv === undefined || fromEnv === '') return undefined;
    if (/^(1|true|yes)$/i.test(fromEnv)) return true;
    if (/^(0|false|no)$/i.test(fromEnv)) return false;
    throw new ReleaseError('EUSAGE', `${envName(name)}="${fromEnv}" is not a boolean (use true or false)`);
  };
  const timeoutText = pick('timeout');
  const timeout = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeoutText !== undefined && !(timeout! > 0)) throw new ReleaseError('EUSAGE', `--timeout must be a positive number of seconds, got "${timeoutText}"`);
  const params = (values.param as string[] | undefined) ?? splitLines(env[envName('param')]);

  const options: ReleaseOptions = {
    modelDir: pick('model-dir'),
    settings: pick('settings'),
    notebook: pick('notebook'),
    version: pick('version'),
    repo: pick('repo'),
    token: pick('token'),
    branch: pick('branch'),
    modelsPath: pick('models-path'),
    runner: command === 'publish' ? 'none' : pick('runner'),
    params,
    outputNotebook: pick('output-notebook'),
    timeout,
    gitUserName: pick('git-user-name'),
    gitUserEmail: pick('git-user-email'),
    dryRun: flag('dry-run'),
    force: flag('force'),
    skipPreflight: flag('skip-preflight'),
  };
  return { command: 'release', options, json: flag('json') ?? false, dotenv: pick('dotenv') };
}

function splitLines(text: string | undefined): string[] | undefined {
  return text?.split('\n').map((l) => l.trim()).filter(Boolean);
}

export function formatSummary(result: ReleaseResult): string {
  const headline = {
    pushed: `Released ${result.model} ${result.version}`,
    'already-published': `${result.model} ${result.version} was already published with identical content; nothing to do`,
    'dry-run': `Dry run of ${result.model} ${result.version}: nothing was changed`,
  }[result.status];
  const rows: Array<[string, string | undefined]> = [
    ['folder', `${result.folder}/`],
    ['repo', result.repo],
    ['commit', result.commit ? `${result.commit}${result.branch ? ` on ${result.branch}` : ''}` : undefined],
    ['notebook', result.executedNotebook],
    ['endpoint', `POST ${result.endpoint}`],
  ];
  return [headline, ...rows.filter(([, v]) => v).map(([k, v]) => `  ${k.padEnd(9)}${v}`)].join('\n') + '\n';
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(io: CliIO): Promise<number> {
  const provider = detectProvider(io.env);
  const redactor = new Redactor((spelling) => provider.maskSecret(spelling));
  const log = new Logger({ stream: io.stderr, redactor, style: provider.logStyle({ env: io.env, isTTY: Boolean(io.stderr.isTTY) }) });
  let json = io.argv.includes('--json');
  try {
    const parsed = parseCli(io.argv, io.env);
    if (parsed.command !== 'release') {
      io.stdout.write(parsed.command === 'help' ? HELP : `${TOOL_VERSION}\n`);
      return EXIT.ok;
    }
    const { options } = parsed;
    json = parsed.json;
    // Register the token before anything can print it, even a usage error.
    redactor.add(options.token);
    redactor.add(io.env.MLSERVER_REPO_TOKEN);
    const result = await release(options, { env: io.env, cwd: io.cwd, log, provider });
    await provider.publishResult(result, { env: io.env, cwd: io.cwd, log, dotenvPath: parsed.dotenv });
    io.stdout.write(redactor.redact(json ? JSON.stringify(result, null, 2) + '\n' : formatSummary(result)));
    return EXIT.ok;
  } catch (error) {
    const code = exitCodeOf(error);
    log.error(formatError(error), isReleaseError(error) ? error.file : undefined);
    if (json) {
      const payload = isReleaseError(error)
        ? { error: { code: error.code, message: error.message, details: error.details, exitCode: code } }
        : { error: { code: 'EUNEXPECTED', message: String((error as Error)?.message ?? error), exitCode: code } };
      io.stdout.write(redactor.redact(JSON.stringify(payload, null, 2) + '\n'));
    }
    return code;
  }
}
