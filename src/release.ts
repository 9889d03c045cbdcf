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
import { collectArtifact, folderRelativePath, RECORD_FILE, SETTINGS_FILE, type Artifact, type ReleaseRecord } from './publish/layout.js';
import { callApi, createHostApi, gitBlobId, publishWithApi, sameContent } from './publish/api-transport.js';
import { publishToFolder, reloadModel } from './publish/folder-transport.js';
import { preflight } from './publish/preflight.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './publish/retry.js';
import { detectProvider } from './providers/index.js';
import type { Provider } from './providers/types.js';
import { artifactUri, renderSettings, serializeSettings } from './settings.js';
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

  if (!plan.skipPreflight && plan.repo.target === 'git' && plan.via === 'api') {
    await log.group('Preflight', async () => {
      const api = createHostApi({ repoUrl: plan.repo.url, hostKind: plan.repo.hostKind, token: plan.credentials?.token, apiUrl: plan.apiUrl, gitlabTokenKind: plan.tokenType, env });
      const branch = plan.branch ?? (await callApi('read the default branch', () => api.defaultBranch(), runtime.backoff ?? DEFAULT_BACKOFF, log));
      const head = await callApi(`read branch ${branch}`, () => api.branchHead(branch), runtime.backoff ?? DEFAULT_BACKOFF, log);
      if (!head) throw new ReleaseError('EBRANCHMISSING', `Branch "${branch}" does not exist on ${plan.repo.url}`);
      log.info(`preflight: the ${api.kind} API answers for ${plan.repo.url}, branch ${branch}`);
    });
  } else if (!plan.skipPreflight && plan.repo.target === 'git') {
    await log.group('Preflight', () =>
      preflight({ url: plan.repo.url, isHttp: plan.repo.isHttp, credentials: plan.credentials, branch: plan.branch, env, cwd, log, backoff: runtime.backoff }),
    );
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
        env,
        log,
      });
      return result.executedNotebook;
    });
  }

  const { files, artifact } = await log.group('Settings', () => prepareFiles(plan, executedNotebook, log));

  const published = await log.group('Publish', () => publish(plan, files, artifact, executedNotebook, env, log, runtime.backoff));

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

async function publish(plan: ReleasePlan, files: FileToPublish[], artifact: Artifact | undefined, executedNotebook: string | undefined, env: Env, log: Logger, backoff?: BackoffOptions): Promise<Published> {
  if (plan.repo.target === 'folder') {
    const result = await publishToFolder({ root: plan.repo.url, folder: plan.folder, files, ignoreForComparison: [RECORD_FILE], force: plan.force, log });
    if (plan.reloadUrl) await reloadModel(plan.reloadUrl, plan.name, plan.verify?.headers ?? {}, log);
    return { status: result.status };
  }
  const api = plan.via === 'api' || plan.review
    ? createHostApi({ repoUrl: plan.repo.url, hostKind: plan.repo.hostKind, token: plan.credentials?.token, apiUrl: plan.apiUrl, gitlabTokenKind: plan.tokenType, env })
    : undefined;
  const review = plan.review ? { ...plan.review, body: reviewBody(plan, artifact, executedNotebook) } : undefined;
  const common = { folder: plan.folder, files, ignoreForComparison: [RECORD_FILE], message: plan.message, author: plan.author, force: plan.force, log, backoff };

  if (api && plan.via === 'api') {
    const result = await publishWithApi({ ...common, api, branch: plan.branch, review });
    return { status: result.status, branch: result.branch, commit: result.commit, reviewUrl: result.review?.url };
  }
  if (api && review) {
    // Review through git: push the release branch, then open (or reuse) the request through the API.
    const call = <T>(what: string, action: () => Promise<T>) => callApi(what, action, backoff ?? DEFAULT_BACKOFF, log);
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

/** What a reviewer needs to approve a release: where it came from and what it serves. */
function reviewBody(plan: ReleasePlan, artifact: Artifact | undefined, executedNotebook: string | undefined): string {
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

async function prepareFiles(plan: ReleasePlan, executedNotebook: string | undefined, log: Logger) {
  const rendered = renderSettings(plan.settings, plan.version);
  const uri = artifactUri(rendered);
  let artifact: Artifact | undefined;
  if (uri) {
    artifact = await collectArtifact(plan.modelDir, uri);
    log.info(`settings: artifact ${uri} (${formatBytes(artifact.bytes)}, sha256 ${artifact.sha256.slice(0, 16)}...)`);
  } else {
    log.warn('model-settings.json has no parameters.uri: only the settings are published', plan.settingsPath);
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
  const files: FileToPublish[] = [
    { path: SETTINGS_FILE, content: serializeSettings(rendered) },
    ...(artifact?.files ?? []).map((file) => ({ path: file.relativePath, source: file.source })),
    { path: RECORD_FILE, content: JSON.stringify(record, null, 2) + '\n' },
  ];
  if (files.filter((f) => f.path === SETTINGS_FILE || f.path === RECORD_FILE).length > 2) {
    throw new ReleaseError('ESETTINGSINVALID', `parameters.uri "${uri}" collides with ${SETTINGS_FILE} or ${RECORD_FILE}`);
  }
  log.info(`settings: version ${plan.version} written into parameters.version`);
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

function baseResult(plan: ReleasePlan, files: Array<{ path: string }>, artifact: Artifact | undefined, log: Logger) {
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
