/**
 * One error class and one catalog. Every failure the tool reports on purpose is a
 * ReleaseError whose code decides the exit code, so the CLI, the Action and the
 * library all agree on what a failure means.
 */

export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  notebook: 3,
  publish: 4,
  verify: 5,
  load: 6,
  gate: 7,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

interface CatalogEntry {
  exit: ExitCode;
  /** What to try next; printed under the message. */
  hint?: string;
}

export const CATALOG = {
  EUSAGE: { exit: EXIT.usage, hint: 'Run `mlserver-release --help` for every option.' },
  EINVALIDVERSION: {
    exit: EXIT.usage,
    hint: 'Versions become folder names and URL segments: use letters, digits, ".", "_" and "-" only, e.g. v1.2.0.',
  },
  ENOVERSION: {
    exit: EXIT.usage,
    hint: 'Pass --version, or run on a tag (CI_COMMIT_TAG on GitLab, GITHUB_REF_TYPE=tag on GitHub).',
  },
  EINVALIDNAME: { exit: EXIT.usage, hint: 'Set "name" in model-settings.json to letters, digits, ".", "_" and "-" only.' },
  ESETTINGSMISSING: { exit: EXIT.usage, hint: 'Pass --settings or --model-dir pointing at your model-settings.json.' },
  ESETTINGSPARSE: { exit: EXIT.usage, hint: 'Fix the JSON syntax at the position shown.' },
  ESETTINGSINVALID: { exit: EXIT.usage, hint: 'MLServer refuses to start when any model-settings.json is invalid; fix every problem listed.' },
  ENOTEBOOKMISSING: { exit: EXIT.usage, hint: 'Pass --notebook, or --runner none to publish an artifact that already exists.' },
  ENOTEBOOKINVALID: { exit: EXIT.usage, hint: 'The notebook must be nbformat 4 JSON as saved by Jupyter.' },
  EARTIFACTMISSING: {
    exit: EXIT.usage,
    hint: 'parameters.uri must name the file the notebook writes, relative to the model directory.',
  },
  EURIESCAPES: { exit: EXIT.usage, hint: 'parameters.uri must stay inside the model directory (no "../", no symlink out).' },
  ERUNNERUNKNOWN: { exit: EXIT.usage, hint: 'Use --runner auto, papermill, nbconvert or none.' },
  ERUNNERMISSING: {
    exit: EXIT.usage,
    hint: 'Install papermill, or Jupyter (Debian: apt-get install jupyter-nbconvert python3-ipykernel), or pass --runner none.',
  },
  EPARAM: { exit: EXIT.usage, hint: 'Write parameters as --param key=value.' },
  EREPOMISSING: { exit: EXIT.usage, hint: 'Pass the option named above (a URL, a path or s3://bucket/prefix), or set the variable it names.' },
  EREPONOTFOUND: { exit: EXIT.usage, hint: 'A local repository must exist: a git repository (bare or not) for --target git, a folder for --target folder.' },
  ENOTEBOOKFAILED: { exit: EXIT.notebook, hint: 'Open the executed notebook to see every output up to the failing cell.' },
  ENOTEBOOKTIMEOUT: { exit: EXIT.notebook, hint: 'Raise --timeout (seconds per cell) if the cell is expected to take longer.' },
  EVERSIONCONFLICT: {
    exit: EXIT.publish,
    hint: 'Published versions are immutable. Release a new version, or pass --force to replace this one.',
  },
  EFOLDEROWNER: { exit: EXIT.publish, hint: 'Two models map to the same folder (a-b version c, a version b-c): rename the model or choose another version.' },
  EEMPTYREPO: { exit: EXIT.publish, hint: 'Push one commit to the branch first (a README is enough); the tool adds to an existing branch.' },
  EPROTECTED: { exit: EXIT.publish, hint: 'The branch is protected (or a ruleset applies): pass --review to open a pull/merge request instead.' },
  EAPIRATELIMIT: { exit: EXIT.publish, hint: 'The host rate-limited the token; run again after the reset time, or use a token with a higher limit (a GitHub App token).' },
  EJOBTOKEN: { exit: EXIT.usage, hint: 'Store a project access token (role Developer or more, scope api) as a masked CI/CD variable and pass it as MLSERVER_REPO_TOKEN.' },
  ESIGNATURE: { exit: EXIT.publish, hint: 'The version is unsigned, altered since it was signed, or signed by someone else: release it again with --sign, or check --public-key / --signer-identity and --signer-issuer.' },
  ESIGNKEY: { exit: EXIT.usage, hint: 'Pass --signing-key FILE (an EC P-256 private key in PEM), or run where an OIDC token is available (GitHub: permissions id-token: write; GitLab: id_tokens SIGSTORE_ID_TOKEN with aud sigstore).' },
  EINTEGRITY: { exit: EXIT.publish, hint: 'The source was changed after it was released: release it again, or promote another version.' },
  EUNSAFEPATH: { exit: EXIT.publish, hint: 'A store holds a path that cannot be written safely (.., .git, a symlink, a line break, invalid UTF-8): remove it from the store; nothing was written.' },
  EMANIFEST: { exit: EXIT.publish, hint: 'Fix or remove the manifest named above in the manifests repository; the tool edits only documents it can read.' },
  ESTOREDATA: { exit: EXIT.publish, hint: 'A file in the store is not what mlserver-release writes (a malformed release.json or settings); fix it in the store, or publish the version again.' },
  ENOSUCHVERSION: { exit: EXIT.usage, hint: 'Pick one of the versions listed, or publish the version first.' },
  EMETRICSFILE: { exit: EXIT.usage, hint: 'The notebook must write the --metrics file (a JSON object), relative to the model folder.' },
  EGATE: { exit: EXIT.gate, hint: 'The release did not meet the quality gate (--require, --no-regression); nothing was published. The executed notebook is kept.' },
  EAUTH: { exit: EXIT.publish, hint: 'Check the token (--token or MLSERVER_REPO_TOKEN) and that it may push to the repository.' },
  EFORBIDDEN: { exit: EXIT.publish, hint: 'The token was accepted but may not push here: give it write access (GitHub: contents:write; GitLab: write_repository).' },
  EREMOTENOTFOUND: { exit: EXIT.publish, hint: 'Check the repository URL; a private repository also answers "not found" to a token that cannot see it.' },
  EBRANCHMISSING: { exit: EXIT.publish, hint: 'Create the branch first, or pass --branch with an existing one.' },
  EUNREACHABLE: { exit: EXIT.publish, hint: 'Check the URL and the network; the remote did not answer.' },
  EREDIRECT: { exit: EXIT.publish, hint: 'Point --repo at the final URL the server redirects to, so the token goes where you meant it to.' },
  EPUSHFAILED: { exit: EXIT.publish, hint: 'See the git output above; add a CI concurrency group if releases collide often.' },
  ELFSMISSING: { exit: EXIT.publish, hint: 'The repository stores this path in Git LFS: install git-lfs (Debian: apt-get install git-lfs).' },
  EAPILIMIT: { exit: EXIT.usage, hint: 'Publish this artifact with --via git, through Git LFS if the host needs it.' },
  EVERIFY: { exit: EXIT.verify },
  EMLSERVERLINE: { exit: EXIT.usage, hint: 'Pass --mlserver-version 1.3, 1.4, 1.5, 1.6 or 1.7: the MLServer line your server runs.' },
  EIMPLEMENTATION: { exit: EXIT.usage, hint: 'MLServer imports "implementation" at start-up and stops every model when that fails; fix the module or attribute name.' },
  ERUNTIMEFILE: { exit: EXIT.usage, hint: 'Files the settings name (environment_tarball, a custom runtime) must sit in the model folder so they can be published with it.' },
  ENOMLSERVER: { exit: EXIT.usage, hint: 'Install mlserver (and your runtime) in the kernel the notebook runs on, or use --check-load auto.' },
  ELOADFAILED: { exit: EXIT.load, hint: 'MLServer would fail to load this version; fix the error above, or pass --check-load never to skip the check.' },
  ELOADTIMEOUT: { exit: EXIT.load, hint: 'Raise --check-load-timeout if loading this model legitimately takes longer.' },
} satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof CATALOG;

export class ReleaseError extends Error {
  readonly code: ErrorCode;
  readonly details: string[];
  /** The user's file the problem is in, for CI annotations (model-settings.json, the notebook). */
  readonly file?: string;
  /** Where in `file`, when known (1-based), so annotations can point at the line. */
  readonly position?: { line: number; column: number };
  /** A Markdown table that explains the failure in a job summary (the quality gate's comparison). */
  markdown?: string;

  constructor(code: ErrorCode, message: string, details: string[] = [], file?: string, position?: { line: number; column: number }) {
    super(message);
    this.name = 'ReleaseError';
    this.code = code;
    this.details = details;
    this.file = file;
    this.position = position;
  }

  get exitCode(): ExitCode {
    return CATALOG[this.code].exit;
  }

  get hint(): string | undefined {
    return (CATALOG[this.code] as CatalogEntry).hint;
  }
}

export function isReleaseError(value: unknown): value is ReleaseError {
  return value instanceof ReleaseError;
}

/** Exit code for anything thrown: catalogued errors keep theirs, the rest are bugs (1). */
export function exitCodeOf(error: unknown): ExitCode {
  return isReleaseError(error) ? error.exitCode : EXIT.unexpected;
}

/** The text a user sees: message, every detail on its own line, then the hint. */
export function formatError(error: unknown): string {
  if (!isReleaseError(error)) {
    const text = error instanceof Error ? error.stack ?? error.message : String(error);
    return `unexpected error (please report it): ${text}`;
  }
  const lines = [`${error.message}`];
  for (const detail of error.details) lines.push(`  - ${detail}`);
  if (error.hint) lines.push(`hint: ${error.hint}`);
  return lines.join('\n');
}
