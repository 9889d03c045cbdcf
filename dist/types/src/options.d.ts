export declare const COMMANDS: readonly ['release', 'publish', 'promote', 'default', 'rollout', 'verify', 'verify-signature', 'list', 'prune'];
export type Command = (typeof COMMANDS)[number];
/** text: a string; flag: true/false; list: repeatable (argv) or one per line (env, Action); seconds: a positive number; count: a whole number >= 0. */
export type OptionKind = 'text' | 'flag' | 'list' | 'seconds' | 'count';
/** An env variable read after MLSERVER_RELEASE_<OPTION>; `when` limits it to runs where another variable has a value. */
export interface EnvAlias {
    name: string;
    when?: {
        name: string;
        equals: string;
    };
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
    pattern?: {
        test: RegExp;
        expected: string;
    };
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
export declare const OPTION_TABLE: readonly [{
    readonly name: 'model-dir';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "default", "rollout", "verify"];
    readonly value: 'DIR';
    readonly default: '.';
    readonly help: 'Folder of the model project';
}, {
    readonly name: 'settings';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "default", "rollout", "verify"];
    readonly value: 'FILE';
    readonly help: 'model-settings.json to publish (default: <model-dir>/model-settings.json)';
}, {
    readonly name: 'notebook';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly value: 'FILE';
    readonly help: 'Training notebook (default: <model-dir>/<name>.ipynb)';
}, {
    readonly name: 'version';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "default", "rollout", "verify", "verify-signature"];
    readonly value: 'V';
    readonly help: 'The version (default: the CI tag, CI_COMMIT_TAG or GITHUB_REF_NAME on a tag, else MLSERVER_VERSION from the release job\'s dotenv; default: also "newest")';
    readonly aliases: readonly [{
        readonly name: 'CI_COMMIT_TAG';
    }, {
        readonly name: 'GITHUB_REF_NAME';
        readonly when: {
            readonly name: 'GITHUB_REF_TYPE';
            readonly equals: 'tag';
        };
    }, {
        readonly name: 'MLSERVER_VERSION';
    }];
}, {
    readonly name: 'repo';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature"];
    readonly value: 'URL|PATH';
    readonly help: 'MLServer model repository: a git URL, a local path, or s3://bucket/prefix';
    readonly secret: 'url-userinfo';
    readonly aliases: readonly [{
        readonly name: 'MLSERVER_REPO';
    }];
}, {
    readonly name: 'token';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature"];
    readonly value: 'TOKEN';
    readonly help: 'Token that may push to the model repository (a fine-grained PAT or an app token; GITHUB_TOKEN usually cannot push to another repository); never printed';
    readonly secret: 'value';
    readonly aliases: readonly [{
        readonly name: 'MLSERVER_REPO_TOKEN';
    }];
}, {
    readonly name: 'target';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature"];
    readonly choices: readonly ["git", "folder", "s3"];
    readonly default: 'git';
    readonly help: 'git: a git repository; folder: a plain MLServer model folder, written atomically; s3: object storage (--repo s3://bucket/prefix)';
}, {
    readonly name: 's3-endpoint';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature", "promote", "rollout"];
    readonly value: 'URL';
    readonly help: 'Object storage endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS); credentials come from the AWS chain';
    readonly secret: 'url-userinfo';
}, {
    readonly name: 's3-path-style';
    readonly kind: 'flag';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature", "promote", "rollout"];
    readonly help: 'Object storage: path-style addressing (MinIO, Ceph)';
}, {
    readonly name: 'branch';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature"];
    readonly value: 'B';
    readonly help: "Branch to publish to (default: the remote's default branch)";
}, {
    readonly name: 'models-path';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature", "promote", "rollout"];
    readonly value: 'P';
    readonly default: 'models';
    readonly help: 'Folder inside the repository that holds the models';
}, {
    readonly name: 'runner';
    readonly kind: 'text';
    readonly commands: readonly ["release"];
    readonly choices: readonly ["auto", "papermill", "nbconvert", "none"];
    readonly default: 'auto';
    readonly help: 'How the notebook runs; auto: papermill if on PATH, else nbconvert';
}, {
    readonly name: 'param';
    readonly field: 'params';
    readonly kind: 'list';
    readonly commands: readonly ["release"];
    readonly value: 'k=v';
    readonly help: 'Extra notebook parameter; repeatable (Action: one per line)';
    readonly input: 'params';
}, {
    readonly name: 'output-notebook';
    readonly kind: 'text';
    readonly commands: readonly ["release"];
    readonly value: 'FILE';
    readonly help: 'Where to keep the executed notebook (default: <stem>.executed.ipynb)';
}, {
    readonly name: 'timeout';
    readonly kind: 'seconds';
    readonly commands: readonly ["release"];
    readonly value: 'SECONDS';
    readonly help: 'Per-cell execution timeout (default: none)';
}, {
    readonly name: 'git-user-name';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "default", "rollout", "prune"];
    readonly value: 'N';
    readonly default: 'mlserver-release';
    readonly help: 'Commit author name';
    readonly aliases: readonly [{
        readonly name: 'GIT_USER_NAME';
    }];
}, {
    readonly name: 'git-user-email';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "default", "rollout", "prune"];
    readonly value: 'E';
    readonly default: 'mlserver-release@users.noreply.localhost';
    readonly help: 'Commit author email';
    readonly aliases: readonly [{
        readonly name: 'GIT_USER_EMAIL';
    }];
}, {
    readonly name: 'dry-run';
    readonly kind: 'flag';
    readonly commands: readonly ["release", "publish", "promote", "rollout", "default", "prune"];
    readonly help: 'Check everything and print the plan; run nothing, write nothing (prune: the same as leaving out --yes)';
}, {
    readonly name: 'force';
    readonly kind: 'flag';
    readonly commands: readonly ["release", "publish", "promote"];
    readonly help: 'Replace an already published version whose content differs (history is kept)';
}, {
    readonly name: 'skip-preflight';
    readonly kind: 'flag';
    readonly commands: readonly ["release", "publish"];
    readonly help: 'Do not check push access before running the notebook';
}, {
    readonly name: 'via';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature"];
    readonly choices: readonly ["git", "api"];
    readonly default: 'git';
    readonly help: 'How the repository is read and written: git (partial clone and push) or api (the host REST API, no clone)';
}, {
    readonly name: 'layout';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "default", "rollout"];
    readonly choices: readonly ["name-version", "name/version"];
    readonly default: 'name-version';
    readonly help: 'models/<name>-<version>, or models/<name>/<version> (no MLServer name warning)';
}, {
    readonly name: 'review';
    readonly kind: 'flag';
    readonly commands: readonly ["release", "publish", "promote", "rollout"];
    readonly help: 'Land on a release/ (promote: promote/, rollout: rollout/) branch and open a pull/merge request instead';
}, {
    readonly name: 'platform';
    readonly kind: 'text';
    readonly commands: readonly ["rollout"];
    readonly choices: readonly ["kserve", "seldon"];
    readonly help: 'KServe InferenceService, or Seldon Core v2 Model (+ Experiment for a canary)';
}, {
    readonly name: 'rollout';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly choices: readonly ["kserve", "seldon"];
    readonly help: 'With --target s3: then roll the version out (see rollout)';
}, {
    readonly name: 'storage-uri';
    readonly kind: 'text';
    readonly commands: readonly ["rollout"];
    readonly value: 'URI';
    readonly help: 'Where the version is (default: its folder in --store-repo)';
}, {
    readonly name: 'store-repo';
    readonly kind: 'text';
    readonly commands: readonly ["rollout"];
    readonly value: 's3://B/P';
    readonly help: 'The object store the version was published to';
    readonly secret: 'url-userinfo';
    readonly aliases: readonly [{
        readonly name: 'MLSERVER_STORE_REPO';
    }];
}, {
    readonly name: 'manifests-repo';
    readonly kind: 'text';
    readonly commands: readonly ["rollout", "release", "publish"];
    readonly value: 'URL|PATH';
    readonly help: 'The GitOps repository of the KServe or Seldon manifests (git, api or folder)';
    readonly secret: 'url-userinfo';
    readonly aliases: readonly [{
        readonly name: 'MLSERVER_MANIFESTS_REPO';
    }];
}, {
    readonly name: 'manifests-token';
    readonly kind: 'text';
    readonly commands: readonly ["rollout", "release", "publish"];
    readonly value: 'TOKEN';
    readonly help: 'Token for the GitOps repository; never printed';
    readonly secret: 'value';
    readonly aliases: readonly [{
        readonly name: 'MLSERVER_MANIFESTS_TOKEN';
    }];
}, {
    readonly name: 'manifests-target';
    readonly kind: 'text';
    readonly commands: readonly ["rollout"];
    readonly choices: readonly ["git", "folder"];
    readonly default: 'git';
    readonly help: 'The GitOps repository\'s kind';
}, {
    readonly name: 'manifests-via';
    readonly kind: 'text';
    readonly commands: readonly ["rollout"];
    readonly choices: readonly ["git", "api"];
    readonly default: 'git';
    readonly help: 'How the GitOps repository is written';
}, {
    readonly name: 'manifests-branch';
    readonly kind: 'text';
    readonly commands: readonly ["rollout"];
    readonly value: 'B';
    readonly help: 'The GitOps repository\'s branch (default: its default branch)';
}, {
    readonly name: 'manifests-path';
    readonly kind: 'text';
    readonly commands: readonly ["rollout", "release", "publish"];
    readonly value: 'P';
    readonly help: 'The folder of the manifests (default: deploy/<name>)';
}, {
    readonly name: 'namespace';
    readonly kind: 'text';
    readonly commands: readonly ["rollout", "release", "publish"];
    readonly value: 'NS';
    readonly help: 'metadata.namespace of the rolled-out resources';
}, {
    readonly name: 'canary';
    readonly kind: 'text';
    readonly commands: readonly ["rollout", "release", "publish"];
    readonly value: 'PERCENT';
    readonly pattern: {
        readonly test: RegExp;
        readonly expected: 'a whole percent from 1 to 99';
    };
    readonly help: 'Send 1 to 99 percent of the traffic to this version';
}, {
    readonly name: 'promote';
    readonly kind: 'flag';
    readonly commands: readonly ["rollout"];
    readonly help: 'The canary takes all the traffic';
}, {
    readonly name: 'rollback';
    readonly kind: 'flag';
    readonly commands: readonly ["rollout"];
    readonly help: 'Drop the canary, back to the previous stable version';
}, {
    readonly name: 'sign';
    readonly kind: 'flag';
    readonly commands: readonly ["release", "publish"];
    readonly help: 'Sign the version: model.sig in the OpenSSF model-signing format (a Sigstore bundle), made with --signing-key';
}, {
    readonly name: 'signing-key';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly value: 'FILE';
    readonly help: 'With --sign: an EC P-256 private key in PEM; its content is a secret, and its path never reaches the notebook';
    readonly secret: 'value';
}, {
    readonly name: 'fulcio-url';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly value: 'URL';
    readonly default: 'https://fulcio.sigstore.dev';
    readonly help: 'Keyless --sign: the Fulcio that certifies the CI\'s OIDC identity';
}, {
    readonly name: 'rekor-url';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly value: 'URL';
    readonly default: 'https://rekor.sigstore.dev';
    readonly help: 'Keyless --sign: the Rekor transparency log that records the signature';
}, {
    readonly name: 'require-signature';
    readonly kind: 'flag';
    readonly commands: readonly ["promote", "rollout"];
    readonly help: 'Refuse a version that is unsigned, altered since it was signed, or signed by someone else (checked before anything is written): with --public-key, or --signer-identity, --signer-issuer and --trusted-root';
}, {
    readonly name: 'public-key';
    readonly kind: 'text';
    readonly commands: readonly ["promote", "rollout", "verify-signature"];
    readonly value: 'FILE';
    readonly help: 'With --require-signature: the EC public key (PEM) the version must be signed with';
}, {
    readonly name: 'signer-identity';
    readonly kind: 'text';
    readonly commands: readonly ["promote", "rollout", "verify-signature"];
    readonly value: 'ID';
    readonly help: 'With --require-signature, keyless: the signer\'s identity in its certificate, exactly or as /regexp/ (GitHub: https://github.com/OWNER/REPO/.github/workflows/FILE@refs/tags/TAG)';
}, {
    readonly name: 'signer-issuer';
    readonly kind: 'text';
    readonly commands: readonly ["promote", "rollout", "verify-signature"];
    readonly value: 'URL';
    readonly help: 'With --require-signature, keyless: the OIDC issuer, exactly or as /regexp/ (GitHub: https://token.actions.githubusercontent.com; GitLab: https://gitlab.com)';
}, {
    readonly name: 'trusted-root';
    readonly kind: 'text';
    readonly commands: readonly ["promote", "rollout", "verify-signature"];
    readonly value: 'FILE';
    readonly help: 'With --require-signature, keyless: the Sigstore trusted_root.json (Fulcio\'s CA and Rekor\'s key) the signature must chain to';
}, {
    readonly name: 'make-default';
    readonly kind: 'flag';
    readonly commands: readonly ["promote"];
    readonly help: 'Then make this version what /v2/models/<name>/infer serves';
}, {
    readonly name: 'default';
    readonly kind: 'flag';
    readonly commands: readonly ["verify"];
    readonly help: 'Also check that /v2/models/<name>/infer answers as this version does';
}, {
    readonly name: 'compare';
    readonly kind: 'text';
    readonly commands: readonly ["list"];
    readonly value: 'URL|PATH';
    readonly help: 'Compare with this store: what is here only, in both, there only';
    readonly secret: 'url-userinfo';
    readonly aliases: readonly [{
        readonly name: 'MLSERVER_COMPARE_REPO';
    }];
}, {
    readonly name: 'compare-token';
    readonly kind: 'text';
    readonly commands: readonly ["list"];
    readonly value: 'TOKEN';
    readonly help: 'Token for the --compare store; never printed';
    readonly secret: 'value';
    readonly aliases: readonly [{
        readonly name: 'MLSERVER_COMPARE_TOKEN';
    }];
}, {
    readonly name: 'compare-target';
    readonly kind: 'text';
    readonly commands: readonly ["list"];
    readonly choices: readonly ["git", "folder", "s3"];
    readonly default: 'git';
    readonly help: 'The --compare store\'s kind';
}, {
    readonly name: 'host-type';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature", "rollout"];
    readonly choices: readonly ["github", "gitlab"];
    readonly help: 'For self-hosted instances whose URL does not say';
}, {
    readonly name: 'api-url';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature", "rollout"];
    readonly value: 'URL';
    readonly help: 'REST API base (default: from the repo URL, GITHUB_API_URL, CI_API_V4_URL or CI_SERVER_URL)';
    readonly secret: 'url-userinfo';
}, {
    readonly name: 'token-type';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature", "rollout"];
    readonly choices: readonly ["private", "oauth", "job"];
    readonly default: 'private';
    readonly help: 'GitLab API token kind (job: CI_JOB_TOKEN, refused for the API)';
}, {
    readonly name: 'mlserver-version';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly value: 'X.Y';
    readonly help: `MLServer line to validate for: ${string}, or a full version such as 1.3.2 (default: the mlserver the notebook's Python imports, else 1.3)` | `MLServer line to validate for: ${string}, or a full version such as 1.3.2 (default: the mlserver the notebook's Python imports, else 1.4)` | `MLServer line to validate for: ${string}, or a full version such as 1.3.2 (default: the mlserver the notebook's Python imports, else 1.5)` | `MLServer line to validate for: ${string}, or a full version such as 1.3.2 (default: the mlserver the notebook's Python imports, else 1.6)` | `MLServer line to validate for: ${string}, or a full version such as 1.3.2 (default: the mlserver the notebook's Python imports, else 1.7)`;
}, {
    readonly name: 'check-load';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly choices: readonly ["auto", "always", "never"];
    readonly default: 'auto';
    readonly help: 'Load the staged version with MLServer\'s code, then one inference, before publishing (auto: when mlserver is importable)';
}, {
    readonly name: 'check-load-timeout';
    readonly kind: 'seconds';
    readonly commands: readonly ["release", "publish"];
    readonly value: 'SECONDS';
    readonly default: '300';
    readonly help: 'Deadline for the load check';
}, {
    readonly name: 'network-timeout';
    readonly kind: 'seconds';
    readonly commands: readonly ["release", "publish", "default", "list", "prune", "verify-signature", "promote", "rollout"];
    readonly value: 'SECONDS';
    readonly default: '120';
    readonly help: 'Deadline for each network step, retries included; stalled transfers end too';
}, {
    readonly name: 'reload-url';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "default", "promote"];
    readonly value: 'URL';
    readonly help: 'With --target folder (promote: --to-target folder): ask this MLServer to load the new version (it has no file watcher)';
    readonly secret: 'url-userinfo';
}, {
    readonly name: 'verify-url';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "verify"];
    readonly value: 'URL';
    readonly help: 'MLServer to check after publishing: ready, then the sample request (verify: required)';
    readonly secret: 'url-userinfo';
}, {
    readonly name: 'verify-timeout';
    readonly kind: 'seconds';
    readonly commands: readonly ["release", "publish", "promote", "verify"];
    readonly value: 'SECONDS';
    readonly default: '600';
    readonly help: 'How long to wait for the version to be ready';
}, {
    readonly name: 'verify-interval';
    readonly kind: 'seconds';
    readonly commands: readonly ["release", "publish", "promote", "verify"];
    readonly value: 'SECONDS';
    readonly default: '5';
    readonly help: 'Time between readiness checks';
}, {
    readonly name: 'verify-header';
    readonly field: 'verifyHeaders';
    readonly kind: 'list';
    readonly commands: readonly ["release", "publish", "promote", "verify", "default"];
    readonly value: "'N: v'";
    readonly help: 'Header for MLServer requests; repeatable (Action: one per line); values are redacted';
    readonly secret: 'header-values';
    readonly input: 'verify-headers';
}, {
    readonly name: 'request';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "verify"];
    readonly value: 'FILE';
    readonly help: 'V2 request to send (default: inference-request.json beside the notebook)';
}, {
    readonly name: 'expect';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "verify"];
    readonly value: 'FILE';
    readonly help: 'Expected outputs; a mismatch fails with a diff';
}, {
    readonly name: 'model';
    readonly kind: 'text';
    readonly commands: readonly ["promote", "default", "rollout", "verify", "verify-signature", "list", "prune"];
    readonly value: 'NAME';
    readonly help: 'The model (default: "name" in model-settings.json; list and prune: only this model)';
}, {
    readonly name: 'keep';
    readonly kind: 'count';
    readonly commands: readonly ["prune"];
    readonly value: 'N';
    readonly minimum: 1;
    readonly help: 'How many newest versions of each model to keep, at least 1 (required)';
}, {
    readonly name: 'protect';
    readonly kind: 'list';
    readonly commands: readonly ["prune"];
    readonly value: 'V';
    readonly help: 'Never remove this version; repeatable (Action: one per line)';
}, {
    readonly name: 'yes';
    readonly kind: 'flag';
    readonly commands: readonly ["prune"];
    readonly help: 'Really remove (without it, only show what would go)';
}, {
    readonly name: 'json';
    readonly kind: 'flag';
    readonly commands: readonly ["release", "publish", "promote", "default", "rollout", "verify", "verify-signature", "list", "prune"];
    readonly help: 'Print the result as JSON on stdout';
    readonly input: false;
}, {
    readonly name: 'dotenv';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "promote", "default", "rollout", "prune"];
    readonly value: 'FILE';
    readonly default: 'mlserver-release.env';
    readonly help: 'GitLab CI: where to write the dotenv report';
    readonly input: false;
}, {
    readonly name: 'metrics';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish", "list"];
    readonly value: 'FILE';
    readonly help: "A JSON file of metrics the notebook writes, relative to --model-dir (also: a cell tagged 'metrics'); list: metric columns, comma-separated";
}, {
    readonly name: 'report-figures';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly choices: readonly ["report", "all"];
    readonly default: 'report';
    readonly help: "Keep the figures of cells tagged 'report', or of all cells, in report/ of the version folder";
}, {
    readonly name: 'require';
    readonly kind: 'list';
    readonly commands: readonly ["release", "publish"];
    readonly value: "'m>=x'";
    readonly help: 'Quality gate: a metric threshold (>= > <= < == !=); repeatable; failing exits 7 and publishes nothing';
}, {
    readonly name: 'no-regression';
    readonly kind: 'list';
    readonly commands: readonly ["release", "publish"];
    readonly value: 'm[:tol]';
    readonly help: 'Quality gate: the metric may not fall below the baseline minus the tolerance; repeatable';
}, {
    readonly name: 'baseline';
    readonly kind: 'text';
    readonly commands: readonly ["release", "publish"];
    readonly value: 'V';
    readonly help: 'Compare metrics with this version (default: the default version, else the newest published)';
}, {
    readonly name: "from" | "to";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly value: 'URL|PATH';
    readonly help: "The destination (production) model repository, a git URL, a path, or s3://bucket/prefix" | "The source (staging) model repository, a git URL, a path, or s3://bucket/prefix";
    readonly secret: 'url-userinfo';
    readonly aliases: readonly [{
        readonly name: "MLSERVER_PRODUCTION_REPO" | "MLSERVER_STAGING_REPO";
    }];
}, {
    readonly name: "from-token" | "to-token";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly value: 'TOKEN';
    readonly help: "Token for the destination (production); never printed" | "Token for the source (staging); never printed";
    readonly secret: 'value';
    readonly aliases: readonly [{
        readonly name: "MLSERVER_PRODUCTION_TOKEN" | "MLSERVER_STAGING_TOKEN";
    }];
}, {
    readonly name: "from-target" | "to-target";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly choices: readonly ["git", "folder", "s3"];
    readonly default: 'git';
    readonly help: "The destination (production)'s kind" | "The source (staging)'s kind";
}, {
    readonly name: "from-via" | "to-via";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly choices: readonly ["git", "api"];
    readonly default: 'git';
    readonly help: "How the destination (production) is read or written" | "How the source (staging) is read or written";
}, {
    readonly name: "from-branch" | "to-branch";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly value: 'B';
    readonly help: "The destination (production)'s branch (default: its default branch)" | "The source (staging)'s branch (default: its default branch)";
}, {
    readonly name: "from-host-type" | "to-host-type";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly choices: readonly ["github", "gitlab"];
    readonly help: "For a self-hosted destination (production) whose URL does not say" | "For a self-hosted source (staging) whose URL does not say";
}, {
    readonly name: "from-api-url" | "to-api-url";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly value: 'URL';
    readonly help: "REST API base of the destination (production)" | "REST API base of the source (staging)";
    readonly secret: 'url-userinfo';
}, {
    readonly name: "from" | "to";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly value: 'URL|PATH';
    readonly help: "The destination (production) model repository, a git URL, a path, or s3://bucket/prefix" | "The source (staging) model repository, a git URL, a path, or s3://bucket/prefix";
    readonly secret: 'url-userinfo';
    readonly aliases: readonly [{
        readonly name: "MLSERVER_PRODUCTION_REPO" | "MLSERVER_STAGING_REPO";
    }];
}, {
    readonly name: "from-token" | "to-token";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly value: 'TOKEN';
    readonly help: "Token for the destination (production); never printed" | "Token for the source (staging); never printed";
    readonly secret: 'value';
    readonly aliases: readonly [{
        readonly name: "MLSERVER_PRODUCTION_TOKEN" | "MLSERVER_STAGING_TOKEN";
    }];
}, {
    readonly name: "from-target" | "to-target";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly choices: readonly ["git", "folder", "s3"];
    readonly default: 'git';
    readonly help: "The destination (production)'s kind" | "The source (staging)'s kind";
}, {
    readonly name: "from-via" | "to-via";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly choices: readonly ["git", "api"];
    readonly default: 'git';
    readonly help: "How the destination (production) is read or written" | "How the source (staging) is read or written";
}, {
    readonly name: "from-branch" | "to-branch";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly value: 'B';
    readonly help: "The destination (production)'s branch (default: its default branch)" | "The source (staging)'s branch (default: its default branch)";
}, {
    readonly name: "from-host-type" | "to-host-type";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly choices: readonly ["github", "gitlab"];
    readonly help: "For a self-hosted destination (production) whose URL does not say" | "For a self-hosted source (staging) whose URL does not say";
}, {
    readonly name: "from-api-url" | "to-api-url";
    readonly kind: 'text';
    readonly commands: readonly ['promote'];
    readonly value: 'URL';
    readonly help: "REST API base of the destination (production)" | "REST API base of the source (staging)";
    readonly secret: 'url-userinfo';
}];
type Row = (typeof OPTION_TABLE)[number];
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type FieldOf<R> = R extends {
    field: infer F extends string;
} ? F : R extends {
    name: infer N extends string;
} ? Camel<N> : never;
type ValueOf<R> = R extends {
    kind: 'flag';
} ? boolean : R extends {
    kind: 'list';
} ? string[] : R extends {
    kind: 'seconds' | 'count';
} ? number : R extends {
    choices: readonly (infer C)[];
} ? C : string;
/** The typed options of one command, each field optional: what argv, the Action and the library all produce. */
export type OptionsOf<C extends Command> = {
    [R in Row as C extends R['commands'][number] ? FieldOf<R> : never]?: ValueOf<R>;
};
export declare const OPTIONS: readonly OptionRow[];
export declare function fieldName(row: OptionRow): string;
/** MLSERVER_RELEASE_<OPTION>: the one env name of every option. */
export declare function envName(option: string): string;
/** The Action input of a row, or undefined when the Action does not expose it. */
export declare function inputName(row: OptionRow): string | undefined;
/** The variable GitHub's runner sets for an input: INPUT_ and the name upper-cased, spaces as `_` (dashes stay). */
export declare function inputVariable(input: string): string;
export declare function optionsOf(command: Command): OptionRow[];
export declare function optionRow(name: string): OptionRow | undefined;
/** Every env variable the row can be read from, in the order of the env rule. */
export declare function envNamesOf(row: OptionRow): string[];
/** Names of env variables that hold a credential (a token, header values) in any home; never shown, never passed to the notebook. */
export declare function credentialVariables(): string[];
/** Where a CI hands keyless signing its OIDC token (GitLab id_tokens, GitHub's token request): secrets too. */
export declare const OIDC_SECRET_VARIABLES: readonly ['SIGSTORE_ID_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
/** Names of env variables that hold a URL, which is a credential when it embeds user:password. */
export declare function urlVariables(): string[];
/** The AWS SDK's own secret variables: not options, but the redactor learns them too. */
export declare const AWS_SECRET_VARIABLES: readonly ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
export {};
