/**
 * The one table of options. Every option of every command is a row here: its
 * name, the commands that take it, its kind, choices, documented default, help,
 * whether it is a secret, where env can set it, and how the Action exposes it.
 *
 * From this table come the argv parser, each command's --help, choice checking,
 * the Action's inputs (action.yml is generated from it: `npm run generate`), the
 * README's options section, the secrets the redactor learns and the notebook never
 * sees, and each command's typed options (`OptionsOf<'promote'>`). Nothing else
 * maps option names to fields or reads an option from env.
 *
 * The env rule, the same for every option in every home:
 *   the flag (or the Action input, or the library field), else
 *   MLSERVER_RELEASE_<OPTION> (upper case, `-` as `_`), else
 *   the aliases in the row, in order (MLSERVER_REPO, the CI tag, ...).
 */
import { MLSERVER_LINES } from './settings/mlserver-schema.js';

export const COMMANDS = ['release', 'publish', 'promote', 'default', 'rollout', 'verify', 'verify-signature', 'list', 'prune'] as const;
export type Command = (typeof COMMANDS)[number];

/** text: a string; flag: true/false; list: repeatable (argv) or one per line (env, Action); seconds: a positive number; count: a whole number >= 0. */
export type OptionKind = 'text' | 'flag' | 'list' | 'seconds' | 'count';

/** An env variable read after MLSERVER_RELEASE_<OPTION>; `when` limits it to runs where another variable has a value. */
export interface EnvAlias {
  name: string;
  when?: { name: string; equals: string };
}

export interface OptionRow {
  name: string;
  /** The field in the typed options; default: the name in camelCase. */
  field?: string;
  kind: OptionKind;
  commands: readonly Command[];
  /** The placeholder in --help. */
  value?: string;
  choices?: readonly string[];
  /** Text values must match (a message says what was expected). */
  pattern?: { test: RegExp; expected: string };
  /** For counts: the smallest value accepted (default 0). */
  minimum?: number;
  /** The documented default, shown in --help, action.yml and the README; the command applies it. */
  default?: string;
  help: string;
  /** Its value is a credential: redacted everywhere, never passed to the notebook. */
  secret?: 'value' | 'header-values' | 'url-userinfo';
  aliases?: readonly EnvAlias[];
  /** The Action's input name when it differs; false: not an Action input. */
  input?: string | false;
}

const RELEASE = ['release', 'publish'] as const;
const REPO = ['release', 'publish', 'default', 'list', 'prune', 'verify-signature'] as const;
const VERIFY = ['release', 'publish', 'promote', 'verify'] as const;
const WRITES = [...RELEASE, 'promote', 'default', 'rollout', 'prune'] as const;
const MODEL = [...RELEASE, 'promote', 'default', 'rollout', 'verify'] as const;
/** verify-signature takes the version, not the model folder. */
const VERSIONED = [...MODEL, 'verify-signature'] as const;
const STORE_KINDS = ['git', 'folder', 's3'] as const;
const VIAS = ['git', 'api'] as const;
const HOSTS = ['github', 'gitlab'] as const;
const PLATFORMS = ['kserve', 'seldon'] as const;

/** promote's two sides: --from-X and --to-X for each way of reaching a store. */
function side(prefix: 'from' | 'to') {
  const where = prefix === 'from' ? 'source (staging)' : 'destination (production)';
  const role = prefix === 'from' ? 'STAGING' : 'PRODUCTION';
  return [
    { name: prefix, kind: 'text', commands: ['promote'], value: 'URL|PATH', help: `The ${where} model repository, a git URL, a path, or s3://bucket/prefix`, secret: 'url-userinfo', aliases: [{ name: `MLSERVER_${role}_REPO` }] },
    { name: `${prefix}-token`, kind: 'text', commands: ['promote'], value: 'TOKEN', help: `Token for the ${where}; never printed`, secret: 'value', aliases: [{ name: `MLSERVER_${role}_TOKEN` }] },
    { name: `${prefix}-target`, kind: 'text', commands: ['promote'], choices: STORE_KINDS, default: 'git', help: `The ${where}'s kind` },
    { name: `${prefix}-via`, kind: 'text', commands: ['promote'], choices: VIAS, default: 'git', help: `How the ${where} is read or written` },
    { name: `${prefix}-branch`, kind: 'text', commands: ['promote'], value: 'B', help: `The ${where}'s branch (default: its default branch)` },
    { name: `${prefix}-host-type`, kind: 'text', commands: ['promote'], choices: HOSTS, help: `For a self-hosted ${where} whose URL does not say` },
    { name: `${prefix}-api-url`, kind: 'text', commands: ['promote'], value: 'URL', help: `REST API base of the ${where}`, secret: 'url-userinfo' },
  ] as const;
}

export const OPTION_TABLE = [
  { name: 'model-dir', kind: 'text', commands: MODEL, value: 'DIR', default: '.', help: 'Folder of the model project' },
  { name: 'settings', kind: 'text', commands: MODEL, value: 'FILE', help: 'model-settings.json to publish (default: <model-dir>/model-settings.json)' },
  { name: 'notebook', kind: 'text', commands: RELEASE, value: 'FILE', help: 'Training notebook (default: <model-dir>/<name>.ipynb)' },
  {
    name: 'version', kind: 'text', commands: VERSIONED, value: 'V',
    help: 'The version (default: the CI tag, CI_COMMIT_TAG or GITHUB_REF_NAME on a tag, else MLSERVER_VERSION from the release job\'s dotenv; default: also "newest")',
    aliases: [{ name: 'CI_COMMIT_TAG' }, { name: 'GITHUB_REF_NAME', when: { name: 'GITHUB_REF_TYPE', equals: 'tag' } }, { name: 'MLSERVER_VERSION' }],
  },
  { name: 'repo', kind: 'text', commands: REPO, value: 'URL|PATH', help: 'MLServer model repository: a git URL, a local path, or s3://bucket/prefix', secret: 'url-userinfo', aliases: [{ name: 'MLSERVER_REPO' }] },
  { name: 'token', kind: 'text', commands: REPO, value: 'TOKEN', help: 'Token that may push to the model repository (a fine-grained PAT or an app token; GITHUB_TOKEN usually cannot push to another repository); never printed', secret: 'value', aliases: [{ name: 'MLSERVER_REPO_TOKEN' }] },
  { name: 'target', kind: 'text', commands: REPO, choices: STORE_KINDS, default: 'git', help: 'git: a git repository; folder: a plain MLServer model folder, written atomically; s3: object storage (--repo s3://bucket/prefix)' },
  { name: 's3-endpoint', kind: 'text', commands: [...REPO, 'promote', 'rollout'], value: 'URL', help: 'Object storage endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS); credentials come from the AWS chain', secret: 'url-userinfo' },
  { name: 's3-path-style', kind: 'flag', commands: [...REPO, 'promote', 'rollout'], help: 'Object storage: path-style addressing (MinIO, Ceph)' },
  { name: 'branch', kind: 'text', commands: REPO, value: 'B', help: "Branch to publish to (default: the remote's default branch)" },
  { name: 'models-path', kind: 'text', commands: [...REPO, 'promote', 'rollout'], value: 'P', default: 'models', help: 'Folder inside the repository that holds the models' },
  { name: 'runner', kind: 'text', commands: ['release'], choices: ['auto', 'papermill', 'nbconvert', 'none'], default: 'auto', help: 'How the notebook runs; auto: papermill if on PATH, else nbconvert' },
  { name: 'param', field: 'params', kind: 'list', commands: ['release'], value: 'k=v', help: 'Extra notebook parameter; repeatable (Action: one per line)', input: 'params' },
  { name: 'output-notebook', kind: 'text', commands: ['release'], value: 'FILE', help: 'Where to keep the executed notebook (default: <stem>.executed.ipynb)' },
  { name: 'timeout', kind: 'seconds', commands: ['release'], value: 'SECONDS', help: 'Per-cell execution timeout (default: none)' },
  { name: 'git-user-name', kind: 'text', commands: WRITES, value: 'N', default: 'mlserver-release', help: 'Commit author name', aliases: [{ name: 'GIT_USER_NAME' }] },
  { name: 'git-user-email', kind: 'text', commands: WRITES, value: 'E', default: 'mlserver-release@users.noreply.localhost', help: 'Commit author email', aliases: [{ name: 'GIT_USER_EMAIL' }] },
  { name: 'dry-run', kind: 'flag', commands: [...RELEASE, 'promote', 'rollout', 'default', 'prune'], help: 'Check everything and print the plan; run nothing, write nothing (prune: the same as leaving out --yes)' },
  { name: 'force', kind: 'flag', commands: [...RELEASE, 'promote'], help: 'Replace an already published version whose content differs (history is kept)' },
  { name: 'skip-preflight', kind: 'flag', commands: RELEASE, help: 'Do not check push access before running the notebook' },
  { name: 'via', kind: 'text', commands: REPO, choices: VIAS, default: 'git', help: 'How the repository is read and written: git (partial clone and push) or api (the host REST API, no clone)' },
  { name: 'layout', kind: 'text', commands: [...RELEASE, 'promote', 'default', 'rollout'], choices: ['name-version', 'name/version'], default: 'name-version', help: 'models/<name>-<version>, or models/<name>/<version> (no MLServer name warning)' },
  { name: 'review', kind: 'flag', commands: [...RELEASE, 'promote', 'rollout'], help: 'Land on a release/ (promote: promote/, rollout: rollout/) branch and open a pull/merge request instead' },
  { name: 'platform', kind: 'text', commands: ['rollout'], choices: PLATFORMS, help: 'KServe InferenceService, or Seldon Core v2 Model (+ Experiment for a canary)' },
  { name: 'rollout', kind: 'text', commands: RELEASE, choices: PLATFORMS, help: 'With --target s3: then roll the version out (see rollout)' },
  { name: 'storage-uri', kind: 'text', commands: ['rollout'], value: 'URI', help: 'Where the version is (default: its folder in --store-repo)' },
  { name: 'store-repo', kind: 'text', commands: ['rollout'], value: 's3://B/P', help: 'The object store the version was published to', secret: 'url-userinfo', aliases: [{ name: 'MLSERVER_STORE_REPO' }] },
  { name: 'manifests-repo', kind: 'text', commands: ['rollout', ...RELEASE], value: 'URL|PATH', help: 'The GitOps repository of the KServe or Seldon manifests (git, api or folder)', secret: 'url-userinfo', aliases: [{ name: 'MLSERVER_MANIFESTS_REPO' }] },
  { name: 'manifests-token', kind: 'text', commands: ['rollout', ...RELEASE], value: 'TOKEN', help: 'Token for the GitOps repository; never printed', secret: 'value', aliases: [{ name: 'MLSERVER_MANIFESTS_TOKEN' }] },
  { name: 'manifests-target', kind: 'text', commands: ['rollout'], choices: ['git', 'folder'], default: 'git', help: 'The GitOps repository\'s kind' },
  { name: 'manifests-via', kind: 'text', commands: ['rollout'], choices: VIAS, default: 'git', help: 'How the GitOps repository is written' },
  { name: 'manifests-branch', kind: 'text', commands: ['rollout'], value: 'B', help: 'The GitOps repository\'s branch (default: its default branch)' },
  { name: 'manifests-path', kind: 'text', commands: ['rollout', ...RELEASE], value: 'P', help: 'The folder of the manifests (default: deploy/<name>)' },
  { name: 'namespace', kind: 'text', commands: ['rollout', ...RELEASE], value: 'NS', help: 'metadata.namespace of the rolled-out resources' },
  { name: 'canary', kind: 'text', commands: ['rollout', ...RELEASE], value: 'PERCENT', pattern: { test: /^\s*\d+\s*$/, expected: 'a whole percent from 1 to 99' }, help: 'Send 1 to 99 percent of the traffic to this version' },
  { name: 'promote', kind: 'flag', commands: ['rollout'], help: 'The canary takes all the traffic' },
  { name: 'rollback', kind: 'flag', commands: ['rollout'], help: 'Drop the canary, back to the previous stable version' },
  { name: 'sign', kind: 'flag', commands: [...RELEASE], help: 'Sign the version: model.sig in the OpenSSF model-signing format (a Sigstore bundle), made with --signing-key' },
  { name: 'signing-key', kind: 'text', commands: [...RELEASE], value: 'FILE', help: 'With --sign: an EC P-256 private key in PEM; its content is a secret, and its path never reaches the notebook', secret: 'value' },
  { name: 'fulcio-url', kind: 'text', commands: [...RELEASE], value: 'URL', default: 'https://fulcio.sigstore.dev', help: 'Keyless --sign: the Fulcio that certifies the CI\'s OIDC identity' },
  { name: 'rekor-url', kind: 'text', commands: [...RELEASE], value: 'URL', default: 'https://rekor.sigstore.dev', help: 'Keyless --sign: the Rekor transparency log that records the signature' },
  { name: 'require-signature', kind: 'flag', commands: ['promote', 'rollout'], help: 'Refuse a version that is unsigned, altered since it was signed, or signed by someone else (checked before anything is written): with --public-key, or --signer-identity, --signer-issuer and --trusted-root' },
  { name: 'public-key', kind: 'text', commands: ['promote', 'rollout', 'verify-signature'], value: 'FILE', help: 'With --require-signature: the EC public key (PEM) the version must be signed with' },
  { name: 'signer-identity', kind: 'text', commands: ['promote', 'rollout', 'verify-signature'], value: 'ID', help: 'With --require-signature, keyless: the signer\'s identity in its certificate, exactly or as /regexp/ (GitHub: https://github.com/OWNER/REPO/.github/workflows/FILE@refs/tags/TAG)' },
  { name: 'signer-issuer', kind: 'text', commands: ['promote', 'rollout', 'verify-signature'], value: 'URL', help: 'With --require-signature, keyless: the OIDC issuer, exactly or as /regexp/ (GitHub: https://token.actions.githubusercontent.com; GitLab: https://gitlab.com)' },
  { name: 'trusted-root', kind: 'text', commands: ['promote', 'rollout', 'verify-signature'], value: 'FILE', help: 'With --require-signature, keyless: the Sigstore trusted_root.json (Fulcio\'s CA and Rekor\'s key) the signature must chain to' },
  { name: 'make-default', kind: 'flag', commands: ['promote'], help: 'Then make this version what /v2/models/<name>/infer serves' },
  { name: 'default', kind: 'flag', commands: ['verify'], help: 'Also check that /v2/models/<name>/infer answers as this version does' },
  { name: 'compare', kind: 'text', commands: ['list'], value: 'URL|PATH', help: 'Compare with this store: what is here only, in both, there only', secret: 'url-userinfo', aliases: [{ name: 'MLSERVER_COMPARE_REPO' }] },
  { name: 'compare-token', kind: 'text', commands: ['list'], value: 'TOKEN', help: 'Token for the --compare store; never printed', secret: 'value', aliases: [{ name: 'MLSERVER_COMPARE_TOKEN' }] },
  { name: 'compare-target', kind: 'text', commands: ['list'], choices: STORE_KINDS, default: 'git', help: 'The --compare store\'s kind' },
  { name: 'host-type', kind: 'text', commands: [...REPO, 'rollout'], choices: HOSTS, help: 'For self-hosted instances whose URL does not say' },
  { name: 'api-url', kind: 'text', commands: [...REPO, 'rollout'], value: 'URL', help: 'REST API base (default: from the repo URL, GITHUB_API_URL, CI_API_V4_URL or CI_SERVER_URL)', secret: 'url-userinfo' },
  { name: 'token-type', kind: 'text', commands: [...REPO, 'rollout'], choices: ['private', 'oauth', 'job'], default: 'private', help: 'GitLab API token kind (job: CI_JOB_TOKEN, refused for the API)' },
  { name: 'mlserver-version', kind: 'text', commands: RELEASE, value: 'X.Y', help: `MLServer line to validate for: ${MLSERVER_LINES.join(', ')}, or a full version such as 1.3.2 (default: the mlserver the notebook's Python imports, else ${MLSERVER_LINES[MLSERVER_LINES.length - 1]})` },
  { name: 'check-load', kind: 'text', commands: RELEASE, choices: ['auto', 'always', 'never'], default: 'auto', help: 'Load the staged version with MLServer\'s code, then one inference, before publishing (auto: when mlserver is importable)' },
  { name: 'check-load-timeout', kind: 'seconds', commands: RELEASE, value: 'SECONDS', default: '300', help: 'Deadline for the load check' },
  { name: 'network-timeout', kind: 'seconds', commands: [...REPO, 'promote', 'rollout'], value: 'SECONDS', default: '120', help: 'Deadline for each network step, retries included; stalled transfers end too' },
  { name: 'reload-url', kind: 'text', commands: [...RELEASE, 'default', 'promote'], value: 'URL', help: 'With --target folder (promote: --to-target folder): ask this MLServer to load the new version (it has no file watcher)', secret: 'url-userinfo' },
  { name: 'verify-url', kind: 'text', commands: VERIFY, value: 'URL', help: 'MLServer to check after publishing: ready, then the sample request (verify: required)', secret: 'url-userinfo' },
  { name: 'verify-timeout', kind: 'seconds', commands: VERIFY, value: 'SECONDS', default: '600', help: 'How long to wait for the version to be ready' },
  { name: 'verify-interval', kind: 'seconds', commands: VERIFY, value: 'SECONDS', default: '5', help: 'Time between readiness checks' },
  { name: 'verify-header', field: 'verifyHeaders', kind: 'list', commands: [...VERIFY, 'default'], value: "'N: v'", help: 'Header for MLServer requests; repeatable (Action: one per line); values are redacted', secret: 'header-values', input: 'verify-headers' },
  { name: 'request', kind: 'text', commands: VERIFY, value: 'FILE', help: 'V2 request to send (default: inference-request.json beside the notebook)' },
  { name: 'expect', kind: 'text', commands: VERIFY, value: 'FILE', help: 'Expected outputs; a mismatch fails with a diff' },
  { name: 'model', kind: 'text', commands: ['promote', 'default', 'rollout', 'verify', 'verify-signature', 'list', 'prune'], value: 'NAME', help: 'The model (default: "name" in model-settings.json; list and prune: only this model)' },
  { name: 'keep', kind: 'count', commands: ['prune'], value: 'N', minimum: 1, help: 'How many newest versions of each model to keep, at least 1 (required)' },
  { name: 'protect', kind: 'list', commands: ['prune'], value: 'V', help: 'Never remove this version; repeatable (Action: one per line)' },
  { name: 'yes', kind: 'flag', commands: ['prune'], help: 'Really remove (without it, only show what would go)' },
  { name: 'json', kind: 'flag', commands: COMMANDS, help: 'Print the result as JSON on stdout', input: false },
  { name: 'dotenv', kind: 'text', commands: [...RELEASE, 'promote', 'default', 'rollout', 'prune'], value: 'FILE', default: 'mlserver-release.env', help: 'GitLab CI: where to write the dotenv report', input: false },
  { name: 'metrics', kind: 'text', commands: [...RELEASE, 'list'], value: 'FILE', help: "A JSON file of metrics the notebook writes, relative to --model-dir (also: a cell tagged 'metrics'); list: metric columns, comma-separated" },
  { name: 'report-figures', kind: 'text', commands: RELEASE, choices: ['report', 'all'], default: 'report', help: "Keep the figures of cells tagged 'report', or of all cells, in report/ of the version folder" },
  { name: 'require', kind: 'list', commands: RELEASE, value: "'m>=x'", help: 'Quality gate: a metric threshold (>= > <= < == !=); repeatable; failing exits 7 and publishes nothing' },
  { name: 'no-regression', kind: 'list', commands: RELEASE, value: 'm[:tol]', help: 'Quality gate: the metric may not fall below the baseline minus the tolerance; repeatable' },
  { name: 'baseline', kind: 'text', commands: RELEASE, value: 'V', help: 'Compare metrics with this version (default: the default version, else the newest published)' },
  ...side('from'),
  ...side('to'),
] as const satisfies readonly OptionRow[];

type Row = (typeof OPTION_TABLE)[number];
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type FieldOf<R> = R extends { field: infer F extends string } ? F : R extends { name: infer N extends string } ? Camel<N> : never;
type ValueOf<R> = R extends { kind: 'flag' } ? boolean
  : R extends { kind: 'list' } ? string[]
  : R extends { kind: 'seconds' | 'count' } ? number
  : R extends { choices: readonly (infer C)[] } ? C
  : string;

/** The typed options of one command, each field optional: what argv, the Action and the library all produce. */
export type OptionsOf<C extends Command> = {
  [R in Row as C extends R['commands'][number] ? FieldOf<R> : never]?: ValueOf<R>;
};

export const OPTIONS: readonly OptionRow[] = OPTION_TABLE;

export function fieldName(row: OptionRow): string {
  return row.field ?? row.name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** MLSERVER_RELEASE_<OPTION>: the one env name of every option. */
export function envName(option: string): string {
  return `MLSERVER_RELEASE_${option.toUpperCase().replace(/-/g, '_')}`;
}

/** The Action input of a row, or undefined when the Action does not expose it. */
export function inputName(row: OptionRow): string | undefined {
  return row.input === false ? undefined : row.input ?? row.name;
}

/** The variable GitHub's runner sets for an input: INPUT_ and the name upper-cased, spaces as `_` (dashes stay). */
export function inputVariable(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
}

export function optionsOf(command: Command): OptionRow[] {
  return OPTIONS.filter((row) => row.commands.includes(command));
}

export function optionRow(name: string): OptionRow | undefined {
  return OPTIONS.find((row) => row.name === name);
}

/** Every env variable the row can be read from, in the order of the env rule. */
export function envNamesOf(row: OptionRow): string[] {
  return [envName(row.name), ...(row.aliases ?? []).map((alias) => alias.name)];
}

/** Names of env variables that hold a credential (a token, header values) in any home; never shown, never passed to the notebook. */
export function credentialVariables(): string[] {
  return [...OPTIONS.filter((row) => row.secret === 'value' || row.secret === 'header-values').flatMap((row) => {
    const input = inputName(row);
    return [...envNamesOf(row), ...(input ? [inputVariable(input)] : [])];
  }), ...OIDC_SECRET_VARIABLES];
}

/** Where a CI hands keyless signing its OIDC token (GitLab id_tokens, GitHub's token request): secrets too. */
export const OIDC_SECRET_VARIABLES = ['SIGSTORE_ID_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'] as const;

/** Names of env variables that hold a URL, which is a credential when it embeds user:password. */
export function urlVariables(): string[] {
  return OPTIONS.filter((row) => row.secret === 'url-userinfo').flatMap((row) => {
    const input = inputName(row);
    return [...envNamesOf(row), ...(input ? [inputVariable(input)] : [])];
  });
}

/** The AWS SDK's own secret variables: not options, but the redactor learns them too. */
export const AWS_SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;
