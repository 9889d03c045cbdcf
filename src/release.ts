/**
 * The release pipeline: plan -> preflight -> notebook -> settings -> publish.
 * It knows nothing of GitHub, GitLab or argv: options come in, a result goes out.
 */
import path from 'node:path';
import { ReleaseError } from './errors.js';
import { Logger, silentLogger } from './log.js';
import { executeNotebook } from './notebook/execute.js';
import { planRelease, type ReleaseOptions, type ReleasePlan } from './plan.js';
import type { Env } from './process.js';
import { publishWithGit, type FileToPublish } from './publish/git-transport.js';
import { collectArtifact, folderRelativePath, RECORD_FILE, SETTINGS_FILE, type Artifact, type ReleaseRecord } from './publish/layout.js';
import { publishToFolder, reloadModel } from './publish/folder-transport.js';
import { preflight } from './publish/preflight.js';
import type { BackoffOptions } from './publish/retry.js';
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

  if (!plan.skipPreflight && plan.repo.target === 'git') {
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

  const published = await log.group('Publish', () => publish(plan, files, env, log, runtime.backoff));

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
    verified: plan.verify ? true : undefined,
    verifyResponse,
  };
}

async function publish(plan: ReleasePlan, files: FileToPublish[], env: Env, log: Logger, backoff?: BackoffOptions) {
  if (plan.repo.target === 'folder') {
    const result = await publishToFolder({ root: plan.repo.url, folder: plan.folder, files, ignoreForComparison: [RECORD_FILE], force: plan.force, log });
    if (plan.reloadUrl) await reloadModel(plan.reloadUrl, plan.name, plan.verify?.headers ?? {}, log);
    return { ...result, branch: undefined, commit: undefined };
  }
  return publishWithGit({
    url: plan.repo.url,
    credentials: plan.credentials,
    branch: plan.branch,
    folder: plan.folder,
    files,
    ignoreForComparison: [RECORD_FILE],
    message: plan.message,
    author: plan.author,
    force: plan.force,
    env,
    log,
    backoff,
  });
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
  log.info(`  push to  ${plan.repo.url} ${plan.branch ? `branch ${plan.branch}` : "(the remote's default branch)"}`);
  log.info(`  serve    POST ${plan.endpoint}`);
  return {
    ...baseResult(plan, files.map((f) => ({ path: f })), undefined, log),
    branch: plan.branch,
    status: 'dry-run',
    pushed: false,
    alreadyPublished: false,
    executedNotebook: plan.outputNotebook,
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
