/**
 * The environment the notebook (and every Python check, which imports user code)
 * runs in: an allow-list of what a notebook needs, never the user's whole
 * environment. A notebook is user code, and what it prints is kept in the executed
 * notebook, which CI keeps as an artifact. A deny-list of known credentials always
 * misses one (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN let a notebook assume the
 * store's role), so nothing passes unless it is listed here or the user names it in
 * MLSERVER_RELEASE_NOTEBOOK_ENV.
 *
 * Whatever the list says, a variable never passes when its value is a secret the
 * tool knows (the redactor), or when it is one of the tool's own credentials.
 */
import { credentialVariables, urlVariables } from '../options.js';
import type { Env } from '../process.js';
import type { Redactor } from '../redact.js';

/** `NAME,NAME`: variables the user passes through to the notebook on top of the allow-list. */
export const NOTEBOOK_ENV_VARIABLE = 'MLSERVER_RELEASE_NOTEBOOK_ENV';

/**
 * Variables the tool reads a credential from, in every home (env, aliases, Action inputs), from the
 * option table's secret rows. Never passed, even on request.
 */
export const CREDENTIAL_VARIABLES = credentialVariables();

/** What a Python process needs to start and behave on Linux, macOS and Windows runners. */
const SYSTEM = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'HOSTNAME', 'TERM', 'NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'LINES',
  'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'TEMP', 'TMP', 'LD_LIBRARY_PATH', 'DYLD_LIBRARY_PATH',
  // Windows: Python cannot start without SYSTEMROOT; the others locate the profile and temp folders.
  'SYSTEMROOT', 'SYSTEMDRIVE', 'WINDIR', 'COMSPEC', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA',
  'PROGRAMFILES', 'HOMEDRIVE', 'HOMEPATH', 'NUMBER_OF_PROCESSORS', 'PROCESSOR_ARCHITECTURE',
  // TLS trust for downloads of public data.
  'SSL_CERT_FILE', 'SSL_CERT_DIR', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE',
];

/** Python environments, Jupyter, plotting, and the numeric libraries' thread and device settings. */
const PYTHON = [
  'VIRTUAL_ENV', 'MPLBACKEND', 'MPLCONFIGDIR', 'CUDA_VISIBLE_DEVICES', 'NVIDIA_VISIBLE_DEVICES',
  'OMP_NUM_THREADS', 'MKL_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'NUMEXPR_NUM_THREADS', 'NUMEXPR_MAX_THREADS', 'VECLIB_MAXIMUM_THREADS',
  // Cache folders of model and data libraries (paths, never their tokens: HF_TOKEN is not listed).
  'HF_HOME', 'HF_HUB_CACHE', 'HF_DATASETS_CACHE', 'HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE', 'TRANSFORMERS_CACHE', 'TRANSFORMERS_OFFLINE',
  'TORCH_HOME', 'KERAS_HOME', 'SCIKIT_LEARN_DATA', 'NLTK_DATA', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_RUNTIME_DIR',
];

/** The CI's non-secret context, so a notebook can label its outputs with the commit and tag. */
const CI_CONTEXT = [
  'CI', 'GITHUB_ACTIONS', 'GITHUB_SHA', 'GITHUB_REF', 'GITHUB_REF_NAME', 'GITHUB_REF_TYPE', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER', 'GITHUB_WORKFLOW', 'GITHUB_JOB', 'GITHUB_SERVER_URL', 'RUNNER_OS', 'RUNNER_ARCH', 'RUNNER_TEMP',
  'GITLAB_CI', 'CI_COMMIT_SHA', 'CI_COMMIT_SHORT_SHA', 'CI_COMMIT_TAG', 'CI_COMMIT_REF_NAME', 'CI_COMMIT_BRANCH', 'CI_PROJECT_PATH',
  'CI_PROJECT_NAME', 'CI_PIPELINE_ID', 'CI_JOB_ID', 'CI_JOB_NAME', 'CI_SERVER_URL',
];

/** Proxies are needed behind a corporate firewall, but a proxy URL may carry a password. */
const PROXIES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'];

const ALLOWED = new Set([...SYSTEM, ...PYTHON, ...CI_CONTEXT, ...PROXIES]);

/**
 * Families passed by prefix: locale, the interpreter's own PYTHON* settings, conda,
 * pyenv (its shims need PYENV_VERSION), Jupyter and IPython, and CUDA's paths.
 */
const ALLOWED_PREFIXES = ['LC_', 'PYTHON', 'CONDA_', 'PYENV_', 'JUPYTER_', 'JPY_', 'IPYTHON', 'CUDA_'];

/** A name that says it holds a secret (JUPYTER_TOKEN, CONDA_..._PASSWORD) is not passed by prefix. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|API_?KEY|ACCESS_KEY|PRIVATE|AUTH|COOKIE|SESSION|JWT/i;

/** A URL with `user:password@`, as in a clone URL or a proxy. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i;

/** Variables that may hold a repository URL, which is a credential when it embeds one. */
const REPOSITORY_VARIABLES = urlVariables();

/** Names whose family is a credential store: worth naming in the log when they are held back. */
const CREDENTIAL_FAMILY = /^(AWS_|AZURE_|GOOGLE_|GCP_|GCLOUD_|CLOUDSDK_|ARM_|ACTIONS_|VAULT_)|^(GITHUB_TOKEN|CI_JOB_TOKEN|CI_JOB_JWT.*|CI_REGISTRY_PASSWORD|CI_DEPLOY_PASSWORD)$/;

export interface StrippedEnvironment {
  /** What the notebook gets. */
  env: Env;
  /** Credential-like variables held back (named in the log; never their values). */
  removed: string[];
  /** Names the user asked for in MLSERVER_RELEASE_NOTEBOOK_ENV that were refused, with why. */
  refused: string[];
}

/** The user's opt-in list: `NAME,NAME` (spaces and newlines also separate). */
export function requestedVariables(env: Env): string[] {
  return (env[NOTEBOOK_ENV_VARIABLE] ?? '').split(/[\s,]+/).filter((name) => name !== '');
}

/**
 * The notebook's environment: the allow-list above, plus the variables the user
 * names in MLSERVER_RELEASE_NOTEBOOK_ENV, less anything that holds a secret.
 */
export function notebookEnvironment(env: Env, redactor: Redactor): StrippedEnvironment {
  const requested = new Set(requestedVariables(env));
  const out: Env = {};
  const removed: string[] = [];
  const refused: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const asked = requested.has(key);
    const secret = CREDENTIAL_VARIABLES.includes(key)
      || (REPOSITORY_VARIABLES.includes(key) && URL_WITH_PASSWORD.test(value.trim()))
      || redactor.reveals(value);
    if (secret) {
      removed.push(key);
      if (asked) refused.push(`${key} (it holds a credential of mlserver-release)`);
      continue;
    }
    if (asked || allowed(key, value)) out[key] = value;
    else if (CREDENTIAL_FAMILY.test(key) || SECRET_NAME.test(key) || PROXIES.includes(key)) removed.push(key);
  }
  return { env: out, removed, refused };
}

function allowed(key: string, value: string): boolean {
  if (PROXIES.includes(key)) return !URL_WITH_PASSWORD.test(value.trim());
  if (ALLOWED.has(key)) return true;
  return ALLOWED_PREFIXES.some((prefix) => key.startsWith(prefix)) && !SECRET_NAME.test(key);
}
