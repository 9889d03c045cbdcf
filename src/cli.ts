/**
 * The command line: argv and MLSERVER_RELEASE_* env -> options for release,
 * publish, verify, list and prune, and their results -> a human summary or JSON.
 * The only file that parses argv.
 */
import { parseArgs } from 'node:util';
import { EXIT, exitCodeOf, formatError, isReleaseError, ReleaseError } from './errors.js';
import { listVersions, pruneVersions, verifyVersion, type ListResult, type PruneResult } from './housekeeping.js';
import { Logger, type Writable } from './log.js';
import type { ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
import { detectProvider } from './providers/index.js';
import { embeddedSecrets } from './publish/credentials.js';
import { Redactor } from './redact.js';
import { defaultCommand } from './default-version.js';
import { comparisonTable } from './metrics/gate.js';
import { promote, type PromoteOptions } from './promote.js';
import { rollout } from './rollout.js';
import { release, type ReleaseResult } from './release.js';
import { TOOL_VERSION } from './version.js';

type Command = 'release' | 'publish' | 'promote' | 'default' | 'rollout' | 'verify' | 'list' | 'prune';
const COMMANDS: Command[] = ['release', 'publish', 'promote', 'default', 'rollout', 'verify', 'list', 'prune'];

interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  value?: string;
  help: string;
  /** The commands that take this option. */
  for: Command[];
}

const RELEASE: Command[] = ['release', 'publish'];
const REPO: Command[] = ['release', 'publish', 'default', 'list', 'prune'];
const VERIFY: Command[] = ['release', 'publish', 'promote', 'verify'];
const WRITES: Command[] = [...RELEASE, 'promote', 'default', 'rollout', 'prune'];

/** promote's two sides: --from-X and --to-X for each way of reaching a store. */
const SIDE_OPTIONS = Object.fromEntries((['from', 'to'] as const).flatMap((side) => {
  const where = side === 'from' ? 'source (staging)' : 'destination (production)';
  const envRepo = side === 'from' ? 'MLSERVER_STAGING_REPO' : 'MLSERVER_PRODUCTION_REPO';
  const envToken = side === 'from' ? 'MLSERVER_STAGING_TOKEN' : 'MLSERVER_PRODUCTION_TOKEN';
  return [
    [side, { type: 'string', value: 'URL|PATH', help: `The ${where} model repository (env: ${envRepo})`, for: ['promote'] }],
    [`${side}-token`, { type: 'string', value: 'TOKEN', help: `Token for the ${where} (env: ${envToken}); never printed`, for: ['promote'] }],
    [`${side}-target`, { type: 'string', value: 'git|folder|s3', help: `The ${where}'s kind (default: git)`, for: ['promote'] }],
    [`${side}-via`, { type: 'string', value: 'git|api', help: `How the ${where} is read or written (default: git)`, for: ['promote'] }],
    [`${side}-branch`, { type: 'string', value: 'B', help: `The ${where}'s branch (default: its default branch)`, for: ['promote'] }],
    [`${side}-host-type`, { type: 'string', value: 'github|gitlab', help: `For a self-hosted ${where}`, for: ['promote'] }],
    [`${side}-api-url`, { type: 'string', value: 'URL', help: `REST API base of the ${where}`, for: ['promote'] }],
  ];
})) as Record<string, OptionSpec>;

/** Every option; each can also come from env MLSERVER_RELEASE_<UPPER_SNAKE>. */
export const OPTIONS: Record<string, OptionSpec> = {
  'model-dir': { type: 'string', value: 'DIR', help: 'Folder of the model project (default: .)', for: [...RELEASE, 'promote', 'default', 'rollout', 'verify'] },
  settings: { type: 'string', value: 'FILE', help: 'model-settings.json to publish (default: <model-dir>/model-settings.json)', for: [...RELEASE, 'promote', 'default', 'rollout', 'verify'] },
  notebook: { type: 'string', value: 'FILE', help: 'Training notebook (default: <model-dir>/<name>.ipynb)', for: RELEASE },
  version: { type: 'string', value: 'V', help: 'Version to release, promote or make the default (default: the CI tag; promote also MLSERVER_VERSION; default: V or newest)', for: [...RELEASE, 'promote', 'default', 'rollout', 'verify'] },
  repo: { type: 'string', value: 'URL|PATH', help: 'MLServer model repository, a git URL or local path (env: MLSERVER_REPO)', for: REPO },
  token: { type: 'string', value: 'TOKEN', help: 'Token for an HTTPS repo (env: MLSERVER_REPO_TOKEN); never printed', for: REPO },
  target: { type: 'string', value: 'git|folder|s3', help: 'git (default); folder: a plain MLServer model folder, written atomically; s3: object storage (--repo s3://bucket/prefix)', for: REPO },
  's3-endpoint': { type: 'string', value: 'URL', help: 'Object storage endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS); credentials from the AWS chain', for: [...REPO, 'promote', 'rollout'] },
  's3-path-style': { type: 'boolean', help: 'Object storage: path-style addressing (MinIO, Ceph)', for: [...REPO, 'promote', 'rollout'] },
  branch: { type: 'string', value: 'B', help: "Branch to publish to (default: the remote's default branch)", for: REPO },
  'models-path': { type: 'string', value: 'P', help: 'Folder inside the repo that holds the models (default: models)', for: [...REPO, 'promote', 'rollout'] },
  runner: { type: 'string', value: 'R', help: 'auto | papermill | nbconvert | none (default: auto: papermill if on PATH, else nbconvert)', for: ['release'] },
  param: { type: 'string', multiple: true, value: 'k=v', help: 'Extra notebook parameter; repeatable', for: ['release'] },
  'output-notebook': { type: 'string', value: 'FILE', help: 'Where to keep the executed notebook (default: <stem>.executed.ipynb)', for: ['release'] },
  timeout: { type: 'string', value: 'SECONDS', help: 'Per-cell execution timeout (default: none)', for: ['release'] },
  'git-user-name': { type: 'string', value: 'N', help: 'Commit author name (env: GIT_USER_NAME)', for: WRITES },
  'git-user-email': { type: 'string', value: 'E', help: 'Commit author email (env: GIT_USER_EMAIL)', for: WRITES },
  'dry-run': { type: 'boolean', help: 'Check everything and print the plan; run nothing, push nothing', for: [...RELEASE, 'promote', 'rollout'] },
  force: { type: 'boolean', help: 'Replace an already published version whose content differs (history is kept)', for: [...RELEASE, 'promote'] },
  'skip-preflight': { type: 'boolean', help: 'Do not check push access before running the notebook', for: RELEASE },
  via: { type: 'string', value: 'git|api', help: 'How the repository is read and written: git (default) or api (the host REST API, no clone)', for: REPO },
  layout: { type: 'string', value: 'L', help: "name-version (models/<name>-<version>, default) or name/version (models/<name>/<version>, no MLServer name warning)", for: [...RELEASE, 'promote', 'default', 'rollout'] },
  review: { type: 'boolean', help: 'Land on a release/ (promote: promote/, rollout: rollout/) branch and open a pull/merge request instead', for: [...RELEASE, 'promote', 'rollout'] },
  platform: { type: 'string', value: 'kserve|seldon', help: 'rollout: KServe InferenceService or Seldon Core v2 Model (+ Experiment for a canary)', for: ['rollout'] },
  rollout: { type: 'string', value: 'kserve|seldon', help: 'release with --target s3: then roll the version out (see rollout)', for: RELEASE },
  'storage-uri': { type: 'string', value: 'URI', help: 'rollout: where the version is (default: its folder in --store-repo)', for: ['rollout'] },
  'store-repo': { type: 'string', value: 's3://B/P', help: 'rollout: the object store the version was published to (env: MLSERVER_STORE_REPO)', for: ['rollout'] },
  'manifests-repo': { type: 'string', value: 'URL|PATH', help: 'rollout: the GitOps repository (any store: git, api, folder; env: MLSERVER_MANIFESTS_REPO)', for: ['rollout', ...RELEASE] },
  'manifests-token': { type: 'string', value: 'TOKEN', help: 'rollout: its token (env: MLSERVER_MANIFESTS_TOKEN); never printed', for: ['rollout', ...RELEASE] },
  'manifests-target': { type: 'string', value: 'git|folder', help: 'rollout: its kind (default: git)', for: ['rollout'] },
  'manifests-via': { type: 'string', value: 'git|api', help: 'rollout: how it is written (default: git)', for: ['rollout'] },
  'manifests-branch': { type: 'string', value: 'B', help: 'rollout: its branch (default: its default branch)', for: ['rollout'] },
  'manifests-path': { type: 'string', value: 'P', help: 'rollout: the folder of the manifests (default: deploy/<name>)', for: ['rollout', ...RELEASE] },
  namespace: { type: 'string', value: 'NS', help: 'rollout: metadata.namespace of the resources', for: ['rollout', ...RELEASE] },
  canary: { type: 'string', value: 'PERCENT', help: 'rollout: send 1 to 99 percent of the traffic to this version', for: ['rollout', ...RELEASE] },
  promote: { type: 'boolean', help: 'rollout: the canary takes all the traffic', for: ['rollout'] },
  rollback: { type: 'boolean', help: 'rollout: drop the canary, back to the previous stable version', for: ['rollout'] },
  'make-default': { type: 'boolean', help: 'promote: then make this version what /v2/models/<name>/infer serves', for: ['promote'] },
  default: { type: 'boolean', help: 'verify: also check that /v2/models/<name>/infer answers as this version does', for: ['verify'] },
  compare: { type: 'string', value: 'URL|PATH', help: 'list: compare with this store (env MLSERVER_COMPARE_REPO): what is here only, in both, there only', for: ['list'] },
  'compare-token': { type: 'string', value: 'TOKEN', help: 'list: token for the --compare store (env: MLSERVER_COMPARE_TOKEN)', for: ['list'] },
  'compare-target': { type: 'string', value: 'git|folder|s3', help: 'list: the --compare store\'s kind', for: ['list'] },
  'host-type': { type: 'string', value: 'github|gitlab', help: 'For self-hosted instances whose URL does not say', for: [...REPO, 'rollout'] },
  'api-url': { type: 'string', value: 'URL', help: 'REST API base (default: from the repo URL, GITHUB_API_URL, CI_API_V4_URL or CI_SERVER_URL)', for: [...REPO, 'rollout'] },
  'token-type': { type: 'string', value: 'T', help: 'GitLab API token kind: private (default), oauth, or job (CI_JOB_TOKEN; refused for the API)', for: [...REPO, 'rollout'] },
  'mlserver-version': { type: 'string', value: 'X.Y', help: 'MLServer line to validate for: 1.3 to 1.7 (default: the mlserver the notebook\'s Python imports, else 1.7)', for: RELEASE },
  'check-load': { type: 'string', value: 'auto|always|never', help: 'Load the staged version with MLServer\'s code, then one inference, before publishing (default auto: when mlserver is importable)', for: RELEASE },
  'check-load-timeout': { type: 'string', value: 'SECONDS', help: 'Deadline for the load check (default: 300)', for: RELEASE },
  'network-timeout': { type: 'string', value: 'SECONDS', help: 'Deadline for each network step, retries included; stalled transfers end too (default: 120)', for: [...REPO, 'promote'] },
  'reload-url': { type: 'string', value: 'URL', help: 'With --target folder (promote: --to-target folder): ask this MLServer to load the new version', for: [...RELEASE, 'default', 'promote'] },
  'verify-url': { type: 'string', value: 'URL', help: 'MLServer to check after publishing (ready, then the sample request)', for: VERIFY },
  'verify-timeout': { type: 'string', value: 'SECONDS', help: 'How long to wait for the version to be ready (default: 600)', for: VERIFY },
  'verify-interval': { type: 'string', value: 'SECONDS', help: 'Time between readiness checks (default: 5)', for: VERIFY },
  'verify-header': { type: 'string', multiple: true, value: "'N: v'", help: 'Header for MLServer requests; repeatable; values are redacted', for: [...VERIFY, 'default'] },
  request: { type: 'string', value: 'FILE', help: 'V2 request to send (default: inference-request.json beside the notebook)', for: VERIFY },
  expect: { type: 'string', value: 'FILE', help: 'Expected outputs; a mismatch fails with a diff', for: VERIFY },
  model: { type: 'string', value: 'NAME', help: 'The model (default: "name" in model-settings.json; list and prune: only this model)', for: ['promote', 'default', 'rollout', 'verify', 'list', 'prune'] },
  keep: { type: 'string', value: 'N', help: 'prune: how many newest versions of each model to keep', for: ['prune'] },
  protect: { type: 'string', multiple: true, value: 'V', help: 'prune: never remove this version; repeatable', for: ['prune'] },
  yes: { type: 'boolean', help: 'prune: really remove (without it, only show what would go)', for: ['prune'] },
  json: { type: 'boolean', help: 'Print the result as JSON on stdout', for: COMMANDS },
  dotenv: { type: 'string', value: 'FILE', help: 'GitLab CI: where to write the dotenv report (default: mlserver-release.env)', for: [...RELEASE, 'promote'] },
  metrics: { type: 'string', value: 'FILE', help: "A JSON file of metrics the notebook writes, relative to --model-dir (also: a cell tagged 'metrics'); list: metric columns, comma-separated", for: [...RELEASE, 'list'] },
  'report-figures': { type: 'string', value: 'report|all', help: "Keep the figures of cells tagged 'report' (default) or of all cells, in report/ of the version folder", for: RELEASE },
  require: { type: 'string', multiple: true, value: "'m>=x'", help: 'Quality gate: a metric threshold (>= > <= < == !=); repeatable; failing exits 7 and publishes nothing', for: RELEASE },
  'no-regression': { type: 'string', multiple: true, value: 'm[:tol]', help: 'Quality gate: the metric may not fall below the baseline minus the tolerance; repeatable', for: RELEASE },
  baseline: { type: 'string', value: 'V', help: 'Compare metrics with this version (default: the default version, else the newest published)', for: RELEASE },
  ...SIDE_OPTIONS,
};

function optionsHelp(command: Command): string {
  return Object.entries(OPTIONS)
    .filter(([, spec]) => spec.for.includes(command))
    .map(([name, spec]) => `  --${`${name}${spec.value ? ` ${spec.value}` : ''}`.padEnd(26)} ${spec.help}`)
    .join('\n');
}

export const HELP = `mlserver-release ${TOOL_VERSION}
Turn a git tag into a served MLServer model: run the training notebook, write the
version into model-settings.json, publish models/<name>-<version>/ (or, with --layout name/version,
models/<name>/<version>/) to the model repository: a git remote, a host API, or a folder.

Usage:
  mlserver-release release [options]   run the notebook, then publish (and verify with --verify-url)
  mlserver-release publish [options]   publish an existing artifact (release --runner none)
  mlserver-release promote --version V --from URL|PATH --to URL|PATH [options]
                                       copy a tested version byte for byte from staging to production
  mlserver-release default --version V|newest [options]   make V what /v2/models/<name>/infer serves (rollback: an older V)
  mlserver-release rollout --platform kserve|seldon --version V --manifests-repo URL|PATH [--canary N | --promote | --rollback]
                                       roll a version in object storage out on KServe or Seldon Core, as a GitOps commit
  mlserver-release verify --verify-url URL [options]   check a served version: ready, then the sample request
  mlserver-release list [options]      versions per model, newest last, with MLServer's default marked (any store, --via api too)
  mlserver-release prune --keep N [--yes] [options]    remove all but the newest N versions of each model
  mlserver-release --help | --version

Options of release and publish:
${optionsHelp('release')}

Options of promote:
${optionsHelp('promote')}

Options of default:
${optionsHelp('default')}

Options of rollout:
${optionsHelp('rollout')}

Options of verify:
${optionsHelp('verify')}

Options of list:
${optionsHelp('list')}

Options of prune:
${optionsHelp('prune')}

Every option can also be set as env MLSERVER_RELEASE_<OPTION>, e.g.
MLSERVER_RELEASE_MODELS_PATH=deploy/models; a flag wins over env.

Exit codes:
  0  done: released, already published with identical content, listed, pruned, verified
  1  unexpected error (a bug: please report it)
  2  usage or bad input (options, model-settings.json, notebook, artifact, repo path)
  3  the notebook failed (the executed notebook is kept)
  4  publishing failed (remote, credentials, or a version published with other content)
  5  verification failed (not ready in time, wrong model or version, unexpected outputs)
  6  the model does not load: MLServer's own loading code failed on the staged version (nothing published)
  7  the quality gate failed (--require, --no-regression): nothing published, the executed notebook kept
  130, 143  interrupted (SIGINT, SIGTERM): the notebook was stopped and temporary files removed
`;

export interface CliIO {
  argv: string[];
  env: Env;
  cwd: string;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

type Values = Record<string, string | string[] | boolean | undefined>;
type Parsed = { kind: 'info'; command: 'help' | 'version' } | { kind: 'run'; command: Command; read: OptionReader; json: boolean };

export function envName(option: string): string {
  return `MLSERVER_RELEASE_${option.toUpperCase().replace(/-/g, '_')}`;
}

/** Reads options of one command: the flag first, then MLSERVER_RELEASE_<OPTION>. */
export class OptionReader {
  constructor(private readonly values: Values, private readonly env: Env) {}

  text(name: string): string | undefined {
    return (this.values[name] as string | undefined) ?? this.env[envName(name)] ?? undefined;
  }

  list(name: string): string[] | undefined {
    return (this.values[name] as string[] | undefined) ?? this.env[envName(name)]?.split('\n').map((l) => l.trim()).filter(Boolean);
  }

  flag(name: string): boolean | undefined {
    const value = this.values[name] as boolean | undefined;
    if (value !== undefined) return value;
    const fromEnv = this.env[envName(name)];
    if (fromEnv === undefined || fromEnv === '') return undefined;
    if (/^(1|true|yes)$/i.test(fromEnv)) return true;
    if (/^(0|false|no)$/i.test(fromEnv)) return false;
    throw new ReleaseError('EUSAGE', `${envName(name)}="${fromEnv}" is not a boolean (use true or false)`);
  }

  seconds(name: string): number | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!(value > 0)) throw new ReleaseError('EUSAGE', `--${name} must be a positive number of seconds, got "${text}"`);
    return value;
  }
}

export function parseCli(argv: string[], env: Env): Parsed {
  // `--version` alone asks for the tool's version; with a value it is the release version.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return { kind: 'info', command: 'version' };
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { kind: 'info', command: 'help' };
  const command = argv.find((arg) => !arg.startsWith('-')) as Command | undefined;
  if (command === undefined) throw new ReleaseError('EUSAGE', `No command given: expected one of ${COMMANDS.join(', ')}`);
  if (!COMMANDS.includes(command) || argv[0] !== command) {
    throw new ReleaseError('EUSAGE', `Unknown command "${argv[0]}": expected one of ${COMMANDS.join(', ')}`);
  }
  let values: Values;
  try {
    const parsed = parseArgs({
      args: argv.slice(1),
      options: Object.fromEntries(
        Object.entries(OPTIONS)
          .filter(([, spec]) => spec.for.includes(command))
          .map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple ?? false }]),
      ),
      allowPositionals: false,
      strict: true,
    });
    values = parsed.values as Values;
  } catch (error) {
    throw new ReleaseError('EUSAGE', `${command}: ${(error as Error).message.replace(/^TypeError \[\w+\]: /, '')}`);
  }
  const read = new OptionReader(values, env);
  return { kind: 'run', command, read, json: read.flag('json') ?? false };
}

export function releaseOptions(command: 'release' | 'publish', read: OptionReader): ReleaseOptions {
  return {
    modelDir: read.text('model-dir'),
    settings: read.text('settings'),
    notebook: read.text('notebook'),
    version: read.text('version'),
    repo: read.text('repo'),
    token: read.text('token'),
    target: read.text('target'),
    branch: read.text('branch'),
    modelsPath: read.text('models-path'),
    runner: command === 'publish' ? 'none' : read.text('runner'),
    params: read.list('param'),
    outputNotebook: read.text('output-notebook'),
    timeout: read.seconds('timeout'),
    gitUserName: read.text('git-user-name'),
    gitUserEmail: read.text('git-user-email'),
    dryRun: read.flag('dry-run'),
    force: read.flag('force'),
    skipPreflight: read.flag('skip-preflight'),
    reloadUrl: read.text('reload-url'),
    via: read.text('via'),
    review: read.flag('review'),
    hostType: read.text('host-type'),
    apiUrl: read.text('api-url'),
    tokenType: read.text('token-type'),
    layout: read.text('layout'),
    s3Endpoint: read.text('s3-endpoint'),
    s3PathStyle: read.flag('s3-path-style'),
    rollout: read.text('rollout'),
    manifestsRepo: read.text('manifests-repo'),
    manifestsToken: read.text('manifests-token'),
    manifestsPath: read.text('manifests-path'),
    namespace: read.text('namespace'),
    canary: read.text('canary'),
    metrics: read.text('metrics'),
    reportFigures: read.text('report-figures'),
    require: read.list('require'),
    noRegression: read.list('no-regression'),
    baseline: read.text('baseline'),
    mlserverVersion: read.text('mlserver-version'),
    checkLoad: read.text('check-load'),
    checkLoadTimeout: read.seconds('check-load-timeout'),
    networkTimeout: read.seconds('network-timeout'),
    ...verifyOptions(read),
  };
}

function verifyOptions(read: OptionReader) {
  return {
    verifyUrl: read.text('verify-url'),
    verifyTimeout: read.seconds('verify-timeout'),
    verifyInterval: read.seconds('verify-interval'),
    verifyHeaders: read.list('verify-header'),
    request: read.text('request'),
    expect: read.text('expect'),
  };
}

export function promoteOptions(read: OptionReader): PromoteOptions {
  const side = (name: 'from' | 'to') => ({
    repo: read.text(name), token: read.text(`${name}-token`), target: read.text(`${name}-target`), via: read.text(`${name}-via`),
    branch: read.text(`${name}-branch`), hostType: read.text(`${name}-host-type`), apiUrl: read.text(`${name}-api-url`),
  });
  return {
    version: read.text('version'), model: read.text('model'), modelDir: read.text('model-dir'), settings: read.text('settings'),
    from: side('from'), to: side('to'), modelsPath: read.text('models-path'), layout: read.text('layout'),
    makeDefault: read.flag('make-default'), review: read.flag('review'), force: read.flag('force'), dryRun: read.flag('dry-run'),
    gitUserName: read.text('git-user-name'), gitUserEmail: read.text('git-user-email'), networkTimeout: read.seconds('network-timeout'),
    s3Endpoint: read.text('s3-endpoint'), s3PathStyle: read.flag('s3-path-style'), reloadUrl: read.text('reload-url'),
    ...verifyOptions(read),
  };
}

function repoOptions(read: OptionReader) {
  return {
    repo: read.text('repo'),
    token: read.text('token'),
    target: read.text('target'),
    hostType: read.text('host-type'),
    branch: read.text('branch'),
    modelsPath: read.text('models-path'),
    model: read.text('model'),
    networkTimeout: read.seconds('network-timeout'),
    via: read.text('via'),
    apiUrl: read.text('api-url'),
    tokenType: read.text('token-type'),
    s3Endpoint: read.text('s3-endpoint'),
    s3PathStyle: read.flag('s3-path-style'),
  };
}

export function formatSummary(result: ReleaseResult): string {
  const headline = {
    pushed: `${(result as { source?: string }).source ? 'Promoted' : 'Released'} ${result.model} ${result.version}`,
    'already-published': `${result.model} ${result.version} was already published with identical content; nothing to do`,
    'already-promoted': `${result.model} ${result.version} was already promoted with identical content; nothing to do`,
    'dry-run': `Dry run of ${result.model} ${result.version}: nothing was changed`,
  }[result.status];
  const rows: Array<[string, string | undefined]> = [
    ['folder', `${result.folder}/`],
    ['repo', result.repo],
    ['commit', result.commit ? `${result.commit}${result.branch ? ` on ${result.branch}` : ''}` : undefined],
    ['notebook', result.executedNotebook],
    ['endpoint', `POST ${result.endpoint}`],
    ['review', result.reviewUrl],
    ['source', (result as { source?: string }).source],
    ['verified', result.verified ? 'ready, and the sample request was answered by this version' : undefined],
  ];
  const table = result.comparison ? `\n${comparisonTable(result.comparison, result.baseline?.version, result.version, new Map(), 'text')}` : '';
  return [headline, ...rows.filter(([, v]) => v).map(([k, v]) => `  ${k.padEnd(9)}${v}`)].join('\n') + '\n' + table;
}

function formatBytes(bytes?: number): string {
  if (bytes === undefined) return '';
  return bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

export function formatList(result: ListResult, metricColumns: string[] = []): string {
  if (result.models.length === 0 && !result.comparison?.length) return 'No published models found.\n';
  const lines: string[] = [];
  for (const model of result.models) {
    lines.push(model.defaultVersion ? `${model.model}  (default → ${model.defaultVersion})` : model.model);
    for (const v of model.versions) {
      const marks = [v.version === model.newest ? 'newest' : '', v.version === model.mlserverDefault ? 'MLServer default for unversioned URLs' : ''].filter(Boolean);
      const columns = metricColumns.map((name) => `${name}=${v.metrics?.[name] ?? '—'}`).join('  ');
      lines.push(`  ${v.version.padEnd(16)} ${(v.releasedAt ?? '').slice(0, 19).padEnd(19)} ${formatBytes(v.artifactBytes).padStart(10)}${columns ? `  ${columns}` : ''}${marks.length ? `  (${marks.join(', ')})` : ''}`);
    }
  }
  for (const c of result.comparison ?? []) {
    lines.push('', `${c.model}: compared with the other store${c.defaultHere || c.defaultThere ? ` (default here → ${c.defaultHere ?? 'none'}, there → ${c.defaultThere ?? 'none'})` : ''}`);
    lines.push(`  only here (waiting for promotion): ${c.onlyHere.map((v) => `${v.version}${v.releasedAt ? ` ${v.releasedAt.slice(0, 10)}` : ''}`).join(', ') || 'none'}`);
    lines.push(`  in both:                           ${c.both.join(', ') || 'none'}`);
    lines.push(`  only there:                        ${c.onlyThere.map((v) => `${v.version}${v.releasedAt ? ` ${v.releasedAt.slice(0, 10)}` : ''}`).join(', ') || 'none'}`);
  }
  return lines.join('\n') + '\n';
}

function formatPrune(result: PruneResult, yes: boolean): string {
  if (result.removed.length === 0) return 'Nothing to prune.\n';
  const lines = result.removed.map((v) => `  ${v.model} ${v.version}  (${v.folder})`);
  const head = yes
    ? `Removed ${result.removed.length} version(s)${result.commit ? ` in commit ${result.commit}` : ''}:`
    : `Would remove ${result.removed.length} version(s); run again with --yes to remove them:`;
  return [head, ...lines].join('\n') + '\n';
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(io: CliIO): Promise<number> {
  const provider = detectProvider(io.env);
  const redactor = new Redactor((spelling) => provider.maskSecret(spelling));
  const log = new Logger({ stream: io.stderr, redactor, style: provider.logStyle({ env: io.env, isTTY: Boolean(io.stderr.isTTY) }) });
  let json = io.argv.includes('--json');
  // Everything on stdout passes the CI escaper: text through the logger's, JSON with "##[" spelt
  // "#\u0023[" (the same JSON value), since GitHub's runner reads "##[command]" anywhere in a line.
  const printText = (text: string) => io.stdout.write(log.escape(text));
  const printJson = (value: unknown) => io.stdout.write(redactor.redact(JSON.stringify(value, null, 2) + '\n').replaceAll('##[', '#\\u0023['));
  const runtime = { env: io.env, cwd: io.cwd, log };
  try {
    const parsed = parseCli(io.argv, io.env);
    if (parsed.kind === 'info') {
      io.stdout.write(parsed.command === 'help' ? HELP : `${TOOL_VERSION}\n`);
      return EXIT.ok;
    }
    const { command, read } = parsed;
    json = parsed.json;
    // Register the token before anything can print it, even a usage error.
    for (const name of ['token', 'from-token', 'to-token', 'compare-token', 'manifests-token']) if (OPTIONS[name].for.includes(command)) redactor.add(read.text(name));
    for (const name of ['MLSERVER_REPO_TOKEN', 'MLSERVER_STAGING_TOKEN', 'MLSERVER_PRODUCTION_TOKEN', 'MLSERVER_COMPARE_TOKEN', 'MLSERVER_MANIFESTS_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) redactor.add(io.env[name]);
    for (const url of [read.text('repo'), read.text('from'), read.text('to'), read.text('compare'), io.env.MLSERVER_REPO, io.env.MLSERVER_STAGING_REPO, io.env.MLSERVER_PRODUCTION_REPO]) {
      for (const secret of embeddedSecrets(url)) redactor.add(secret);
    }

    if (command === 'release' || command === 'publish') {
      const result = await release(releaseOptions(command, read), { ...runtime, provider });
      await provider.publishResult(result, { ...runtime, dotenvPath: read.text('dotenv') });
      if (json) printJson(result);
      else printText(formatSummary(result));
    } else if (command === 'promote') {
      const result = await promote(promoteOptions(read), { ...runtime, provider });
      await provider.publishResult(result, { ...runtime, dotenvPath: read.text('dotenv') });
      if (json) printJson(result);
      else printText(formatSummary(result));
    } else if (command === 'rollout') {
      const canary = read.text('canary');
      const result = await rollout({
        platform: read.text('platform'), version: read.text('version'), model: read.text('model'), modelDir: read.text('model-dir'), settings: read.text('settings'),
        storageUri: read.text('storage-uri'), storeRepo: read.text('store-repo'), modelsPath: read.text('models-path'), layout: read.text('layout'),
        manifestsRepo: read.text('manifests-repo'), manifestsToken: read.text('manifests-token'), manifestsTarget: read.text('manifests-target'),
        manifestsVia: read.text('manifests-via'), manifestsBranch: read.text('manifests-branch'), manifestsPath: read.text('manifests-path'),
        hostType: read.text('host-type'), apiUrl: read.text('api-url'), tokenType: read.text('token-type'), namespace: read.text('namespace'),
        canary, promote: read.flag('promote'), rollback: read.flag('rollback'), review: read.flag('review'),
        s3Endpoint: read.text('s3-endpoint'), s3PathStyle: read.flag('s3-path-style') || undefined,
        dryRun: read.flag('dry-run'), gitUserName: read.text('git-user-name'), gitUserEmail: read.text('git-user-email'),
      }, runtime);
      if (json) printJson(result);
      else printText(`${result.changed ? 'Rolled out' : 'Nothing to change'}: ${result.summary} (${result.file} in ${result.manifestsRepo})\n`);
    } else if (command === 'default') {
      const result = await defaultCommand({
        ...repoOptions(read), version: read.text('version'), modelDir: read.text('model-dir'), settings: read.text('settings'), layout: read.text('layout'),
        reloadUrl: read.text('reload-url'), verifyHeaders: read.list('verify-header'), gitUserName: read.text('git-user-name'), gitUserEmail: read.text('git-user-email'),
      }, runtime);
      if (json) printJson(result);
      else printText(`${result.changed ? 'Default set' : 'Default unchanged'}: POST ${result.endpoint} serves ${result.model} ${result.version} (${result.folder}/ in ${result.repo})\n`);
    } else if (command === 'verify') {
      const verifyUrl = read.text('verify-url');
      if (!verifyUrl) throw new ReleaseError('EUSAGE', 'verify needs --verify-url, the MLServer to check');
      const result = await verifyVersion({ ...verifyOptions(read), verifyUrl, model: read.text('model'), modelDir: read.text('model-dir'), settings: read.text('settings'), version: read.text('version'), default: read.flag('default') }, runtime);
      if (json) printJson(result);
      else printText(`Verified ${result.model} ${result.version}: ready, and answered\n${JSON.stringify(result.response, null, 2)}\n`);
    } else if (command === 'list') {
      const compare = read.text('compare');
      const result = await listVersions({ ...repoOptions(read), ...(compare || read.text('compare-target') ? { compare: { repo: compare, token: read.text('compare-token'), target: read.text('compare-target') } } : {}) }, runtime);
      if (json) printJson(result);
      else printText(formatList(result, (read.text('metrics') ?? '').split(',').map((m) => m.trim()).filter(Boolean)));
    } else {
      const keepText = read.text('keep');
      if (keepText === undefined) throw new ReleaseError('EUSAGE', 'prune needs --keep N');
      const yes = read.flag('yes') ?? false;
      const result = await pruneVersions({ ...repoOptions(read), keep: Number(keepText), yes, protect: read.list('protect'), gitUserName: read.text('git-user-name'), gitUserEmail: read.text('git-user-email') }, runtime);
      if (json) printJson(result);
      else printText(formatPrune(result, yes));
    }
    return EXIT.ok;
  } catch (error) {
    const code = exitCodeOf(error);
    log.error(formatError(error), isReleaseError(error) ? { file: error.file, line: error.position?.line, column: error.position?.column } : undefined);
    if (json) {
      const payload = isReleaseError(error)
        ? { error: { code: error.code, message: error.message, details: error.details, exitCode: code } }
        : { error: { code: 'EUNEXPECTED', message: String((error as Error)?.message ?? error), exitCode: code } };
      printJson(payload);
    }
    return code;
  }
}
