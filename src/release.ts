/**
 * The release pipeline: plan -> preflight -> notebook -> settings -> publish.
 * It knows nothing of GitHub, GitLab or argv: options come in, a result goes out.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from './errors.js';
import { Logger, silentLogger } from './log.js';
import { executeNotebook } from './notebook/execute.js';
import { planRelease, type ReleaseOptions, type ReleasePlan } from './plan.js';
import type { Env } from './process.js';
import { publishWithGit, type FileToPublish } from './publish/git-transport.js';
import { folderRelativePath, RECORD_FILE, SETTINGS_FILE, type ReleaseRecord } from './publish/layout.js';
import { createStaging, stageArtifact, type StagedArtifact, type Staging } from './publish/stage.js';
import { checkLoad } from './mlserver/load-check.js';
import { environmentTarballFile } from './settings/runtime-files.js';
import { callApi, createHostApi, gitBlobId, publishWithApi, sameContent } from './publish/api-transport.js';
import { publishToFolder, reloadModel } from './publish/folder-transport.js';
import { preflight } from './publish/preflight.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './publish/retry.js';
import { detectProvider } from './providers/index.js';
import type { Provider } from './providers/types.js';
import { artifactUri, renderSettings, serializeSettings } from './settings/render.js';
import { verifyServed } from './verify.js';
import { TOOL_VERSION } from './version.js';

export type ReleaseStatus = 'pushed' | 'already-published' | 'dry-run';

export interface ReleaseResult {
  model: string;
  version: string;
  /** The version folder inside the model repository, e.g. models/iris-v1.0.0. */
  folder: string;
  /** The model repository, without credentials. */
  repo: string;
  branch?: string;
  /** The commit that holds the release (the existing one when already published). */
  commit?: string;
  status: ReleaseStatus;
  pushed: boolean;
  alreadyPublished: boolean;
  executedNotebook?: string;
  /** The V2 inference path, e.g. /v2/models/iris/versions/v1.0.0/infer. */
  endpoint: string;
  artifact?: { path: string; bytes: number; sha256: string };
  files: string[];
  warnings: string[];
  /** The pull/merge request, in review mode. */
  reviewUrl?: string;
  /** True when --verify-url checked the served version. */
  verified?: boolean;
  /** MLServer's answer to the sample request, when verified. */
  verifyResponse?: unknown;
}

/** Where a release runs: injected so tests and embedders never depend on process globals. */
export interface ReleaseRuntime {
  env?: Env;
  cwd?: string;
  log?: Logger;
  provider?: Provider;
  backoff?: BackoffOptions;
}

/** Runs the notebook, versions model-settings.json and publishes the model. */
export async function release(options: ReleaseOptions = {}, runtime: ReleaseRuntime = {}): Promise<ReleaseResult> {
  const env = runtime.env ?? process.env;
  const cwd = runtime.cwd ?? process.cwd();
  const log = runtime.log ?? silentLogger();
  const provider = runtime.provider ?? detectProvider(env);
  const context = await provider.context({ env, cwd });

  const plan = await log.group('Plan', async () => {
    const planned = await planRelease({ options, context, env, cwd, log });
    for (const warning of planned.warnings) log.warn(warning, planned.settingsPath);
    log.info(`release: ${planned.name} ${planned.version} -> ${planned.repo.url} ${planned.folder}/`);
    return planned;
  });

  const usesApi = plan.repo.target === 'git' && (plan.via === 'api' || Boolean(plan.review));
  // Built before the notebook, so a token that cannot do the job (a GitLab job token) fails first.
  const api = usesApi ? hostApiFor(plan, env, log, runtime.backoff) : undefined;
  if (!plan.skipPreflight && plan.repo.target === 'git') {
    await log.group('Preflight', async () => {
      if (plan.via === 'git') {
        await preflight({ url: plan.repo.url, isHttp: plan.repo.isHttp, credentials: plan.credentials, branch: plan.branch, env, cwd, log, backoff: runtime.backoff, timeoutMs: plan.networkTimeoutMs, needsExistingBranch: Boolean(plan.review) });
      }
      if (api) {
        const call = <T>(what: string, action: () => Promise<T>) => callApi(what, action, runtime.backoff ?? DEFAULT_BACKOFF, log, api);
        const branch = plan.branch ?? (await call('read the default branch', () => api.defaultBranch()));
        const head = await call(`read branch ${branch}`, () => api.branchHead(branch));
        if (!head) throw new ReleaseError('EBRANCHMISSING', `Branch "${branch}" does not exist on ${plan.repo.url}`);
        log.info(`preflight: the ${api.kind} API answers for ${plan.repo.url}, branch ${branch}`);
      }
    });
  }

  if (plan.dryRun) return dryRun(plan, log);

  let executedNotebook: string | undefined;
  if (plan.runner !== 'none') {
    executedNotebook = await log.group('Notebook', async () => {
      const result = await executeNotebook({
        notebookPath: plan.notebookPath!,
        outputNotebook: plan.outputNotebook!,
        runner: plan.runner as 'auto',
        parameters: plan.parameters,
        timeoutSeconds: plan.timeoutSeconds,
        env: plan.trainingEnv,
        log,
      });
      return result.executedNotebook;
    });
  }

  const staging = await createStaging(plan.modelDir, log);
  let published: Published;
  let files: FileToPublish[];
  let artifact: StagedArtifact | undefined;
  try {
    ({ files, artifact } = await log.group('Settings', () => stageFiles(plan, staging, executedNotebook, log)));
    const loadCheck = plan.loadCheck;
    if (loadCheck) {
      await log.group('Load check', () => checkLoad({
        ...loadCheck,
        settingsPath: path.join(staging.dir, SETTINGS_FILE),
        env: { ...plan.trainingEnv, PYTHONDONTWRITEBYTECODE: '1' },
        log,
      }));
    }
    published = await log.group('Publish', () => publish(plan, files, artifact, executedNotebook, env, log, runtime.backoff));
  } finally {
    await staging.remove();
  }

  let verifyResponse: unknown;
  if (plan.verify) {
    const verify = plan.verify;
    verifyResponse = await log.group('Verify', async () =>
      (await verifyServed({ ...verify, model: plan.name, version: plan.version, log })).response,
    );
  }

  return {
    ...baseResult(plan, files, artifact, log),
    branch: published.branch,
    commit: published.commit,
    status: published.status,
    pushed: published.status === 'pushed',
    alreadyPublished: published.status === 'already-published',
    executedNotebook,
    reviewUrl: published.reviewUrl,
    verified: plan.verify ? true : undefined,
    verifyResponse,
  };
}

interface Published {
  status: 'pushed' | 'already-published';
  branch?: string;
  commit?: string;
  reviewUrl?: string;
}

async function publish(plan: ReleasePlan, files: FileToPublish[], artifact: StagedArtifact | undefined, executedNotebook: string | undefined, env: Env, log: Logger, backoff?: BackoffOptions): Promise<Published> {
  const identity = { model: plan.name, version: plan.version };
  if (plan.repo.target === 'folder') {
    const result = await publishToFolder({ root: plan.repo.url, folder: plan.folder, files, ignoreForComparison: [RECORD_FILE], force: plan.force, identity, log });
    if (plan.reloadUrl) await reloadModel(plan.reloadUrl, plan.name, plan.verify?.headers ?? {}, log);
    return { status: result.status };
  }
  const api = plan.via === 'api' || plan.review ? hostApiFor(plan, env, log, backoff) : undefined;
  const review = plan.review ? { ...plan.review, body: reviewBody(plan, artifact, executedNotebook) } : undefined;
  const common = { folder: plan.folder, files, ignoreForComparison: [RECORD_FILE], message: plan.message, author: plan.author, force: plan.force, identity, log, backoff, networkTimeoutMs: plan.networkTimeoutMs };

  if (api && plan.via === 'api') {
    const result = await publishWithApi({ ...common, api, branch: plan.branch, review });
    return { status: result.status, branch: result.branch, commit: result.commit, reviewUrl: result.review?.url };
  }
  if (api && review) {
    // Review through git: push the release branch, then open (or reuse) the request through the API.
    const call = <T>(what: string, action: () => Promise<T>) => callApi(what, action, backoff ?? DEFAULT_BACKOFF, log, api);
    const target = plan.branch ?? (await call('read the default branch', () => api.defaultBranch()));
    const targetHead = await call(`read branch ${target}`, () => api.branchHead(target));
    if (!targetHead) throw new ReleaseError('EBRANCHMISSING', `Branch "${target}" does not exist`);
    const local = new Map<string, string>();
    for (const file of files) local.set(file.path, gitBlobId(file.source ? await readFile(file.source) : Buffer.from(file.content ?? '')));
    if (sameContent(local, await call(`read ${plan.folder}`, () => api.folderBlobs(targetHead, plan.folder)), [RECORD_FILE])) {
      log.info(`publish: ${plan.folder} already holds this exact model on ${target}; no review needed`);
      return { status: 'already-published', branch: target, commit: targetHead };
    }
    const pushed = await publishWithGit({ ...common, url: plan.repo.url, credentials: plan.credentials, branch: review.branch, startBranch: target, env });
    const existing = await call('look for an open review', () => api.findOpenReview(review.branch, target));
    const opened = existing ?? (await call('open the review', () => api.openReview(review.branch, target, review.title, review.body)));
    log.info(`publish: ${existing ? 'reusing' : 'opened'} ${opened.url}`);
    return { status: 'pushed', branch: review.branch, commit: pushed.commit, reviewUrl: opened.url };
  }
  return publishWithGit({ ...common, url: plan.repo.url, credentials: plan.credentials, branch: plan.branch, env });
}

function hostApiFor(plan: ReleasePlan, env: Env, log: Logger, backoff?: BackoffOptions) {
  return createHostApi({
    repoUrl: plan.repo.url, hostKind: plan.repo.hostKind, token: plan.credentials?.token, apiUrl: plan.apiUrl, gitlabTokenKind: plan.tokenType,
    env, backoff, timeoutMs: plan.networkTimeoutMs, onWait: (message) => log.info(message),
  });
}

/** What a reviewer needs to approve a release: where it came from and what it serves. */
function reviewBody(plan: ReleasePlan, artifact: StagedArtifact | undefined, executedNotebook: string | undefined): string {
  const row = (name: string, value: string | undefined) => (value ? `| ${name} | ${value} |` : undefined);
  return [
    `Release of model \`${plan.name}\` version \`${plan.version}\`, made by mlserver-release.`,
    '',
    '| | |',
    '|---|---|',
    row('Folder', `\`${plan.folder}/\``),
    row('Endpoint', `\`POST ${plan.endpoint}\``),
    row('Source repository', plan.context.sourceRepository),
    row('Source commit', plan.context.sourceCommit),
    row('Tag', plan.context.tag),
    row('Job', plan.context.jobUrl),
    row('Executed notebook', executedNotebook ? `\`${path.basename(executedNotebook)}\`` : undefined),
    row('Artifact', artifact ? `\`${artifact.uri}\`, ${artifact.bytes} bytes, sha256 \`${artifact.sha256}\`` : undefined),
  ].filter((line): line is string => line !== undefined).join('\n') + '\n';
}

/** Renders the settings and stages every file of the version folder (see publish/stage.ts). */
async function stageFiles(plan: ReleasePlan, staging: Staging, executedNotebook: string | undefined, log: Logger) {
  const rendered = renderSettings(plan.settings, plan.version);
  const uri = artifactUri(rendered);
  let artifact: StagedArtifact | undefined;
  if (uri) {
    artifact = await stageArtifact(staging, uri);
    log.info(`settings: artifact ${uri} (${formatBytes(artifact.bytes)}, sha256 ${artifact.sha256.slice(0, 16)}...)`);
  }
  const extras = [...plan.runtimeFiles];
  const tarball = environmentTarballFile(rendered, plan.modelDir, plan.settingsPath);
  if (tarball) extras.push(tarball);
  const extraFiles = [];
  for (const extra of extras) {
    const staged = await staging.copy(extra.relative, extra.relative.replace(/\\/g, '/'), extra.why);
    log.info(`settings: publishing ${extra.relative} (${extra.why})`);
    extraFiles.push(...staged);
  }
  const record: ReleaseRecord = {
    tool: 'mlserver-release',
    toolVersion: TOOL_VERSION,
    model: plan.name,
    version: plan.version,
    source: {
      repository: plan.context.sourceRepository,
      commit: plan.context.sourceCommit,
      tag: plan.context.tag,
      jobUrl: plan.context.jobUrl,
    },
    artifact: artifact ? { path: artifact.uri, bytes: artifact.bytes, sha256: artifact.sha256 } : undefined,
    executedNotebook: executedNotebook ? path.basename(executedNotebook) : undefined,
    releasedAt: new Date().toISOString(),
  };
  const settingsText = serializeSettings(rendered);
  const recordText = JSON.stringify(record, null, 2) + '\n';
  await staging.write(SETTINGS_FILE, settingsText);
  await staging.write(RECORD_FILE, recordText);
  const files: FileToPublish[] = [
    { path: SETTINGS_FILE, content: settingsText },
    ...[...(artifact?.files ?? []), ...extraFiles].map((file) => ({ path: file.path, source: file.source })),
    { path: RECORD_FILE, content: recordText },
  ];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new ReleaseError('ESETTINGSINVALID', `Two files of the version would both be ${file.path}: parameters.uri, the custom runtime and environment_tarball must not overlap`, [], plan.settingsPath);
    seen.add(file.path);
  }
  log.info(`settings: version ${plan.version} written into parameters.version (MLServer ${plan.mlserverLine} rules)`);
  return { files, artifact };
}

function dryRun(plan: ReleasePlan, log: Logger): ReleaseResult {
  const uri = artifactUri(plan.settings);
  const files = [SETTINGS_FILE, ...(uri ? [folderRelativePath(uri)] : []), RECORD_FILE];
  log.info('dry run: nothing is executed or pushed. The release would:');
  if (plan.notebookPath) log.info(`  run      ${plan.notebookPath} (${plan.runner}) -> ${plan.outputNotebook}`);
  log.info(`  publish  ${files.map((f) => `${plan.folder}/${f}`).join('\n           ')}`);
  log.info(`  commit   "${plan.message}" as ${plan.author.name} <${plan.author.email}>`);
  const where = plan.review ? `branch ${plan.review.branch}, then a pull/merge request into ${plan.branch ?? "the default branch"}` : plan.branch ? `branch ${plan.branch}` : "(the remote's default branch)";
  log.info(`  ${plan.repo.target === 'folder' ? 'write to' : 'push to '} ${plan.repo.url} ${plan.repo.target === 'folder' ? '(atomically)' : `${where}${plan.via === 'api' ? ', through the host API' : ''}`}`);
  if (plan.verify) log.info(`  verify   ${plan.verify.url}`);
  log.info(`  serve    POST ${plan.endpoint}`);
  return {
    ...baseResult(plan, files.map((f) => ({ path: f })), undefined, log),
    branch: plan.branch,
    status: 'dry-run',
    pushed: false,
    alreadyPublished: false,
  };
}

function baseResult(plan: ReleasePlan, files: Array<{ path: string }>, artifact: StagedArtifact | undefined, log: Logger) {
  return {
    model: plan.name,
    version: plan.version,
    folder: plan.folder,
    repo: plan.repo.url,
    endpoint: plan.endpoint,
    artifact: artifact ? { path: artifact.uri, bytes: artifact.bytes, sha256: artifact.sha256 } : undefined,
    files: files.map((f) => `${plan.folder}/${f.path}`),
    warnings: [...log.warnings],
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
