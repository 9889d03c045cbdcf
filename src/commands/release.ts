/**
 * The release pipeline: plan -> preflight -> notebook -> settings -> publish.
 * It knows nothing of GitHub, GitLab or argv: options come in, a result goes out.
 */
import { describeSigner, signatureFor } from '../signing/sign.js';
import { SIGNATURE_FILE } from '../signing/statement.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { Logger, silentLogger } from '../log.js';
import { executeNotebook } from '../notebook/execute.js';
import { planRelease, type ReleaseOptions, type ReleasePlan } from './release-plan.js';
import type { Env } from '../process.js';
import { folderRelativePath, RECORD_FILE, SETTINGS_FILE, type ReleaseRecord } from '../publish/layout.js';
import { createStaging, stageArtifact, type StagedArtifact, type Staging } from '../publish/stage.js';
import { checkLoad } from '../mlserver/load-check.js';
import { buildReport, type ReleaseReport } from '../metrics/report.js';
import { environmentTarballFile } from '../settings/runtime-files.js';
import { publishVersion } from '../publish-version.js';
import { reloadModel } from '../stores/folder.js';
import type { BackoffOptions } from '../publish/retry.js';
import { resolveStore } from '../stores/resolve.js';
import { capabilitiesOf, storageUriField } from '../stores/capabilities.js';
import { rollout } from './rollout.js';
import type { FileToPublish, ModelStore } from '../stores/types.js';
import { detectProvider } from '../providers/index.js';
import type { Provider } from '../providers/types.js';
import { renderSettings, serializeSettings } from '../settings/render.js';
import { modelFileUri } from '../settings/runtime-files.js';
import { markdownCode, markdownRow, markdownUrl } from '../providers/ci-text.js';
import { verifyServed } from '../verify.js';
import { rawFileUrl, reportMarkdown } from '../summary.js';
import { TOOL_VERSION } from '../version.js';
import type { ReleaseResult } from '../results.js';
export type { ReleaseResult, ReleaseStatus } from '../results.js';



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

  // Built before the notebook, so a token that cannot do the job (a GitLab job token for the API) fails first.
  const store = resolveStore(
    { repository: plan.repo, via: plan.via, branch: plan.branch, modelsPath: plan.modelsPath, apiUrl: plan.apiUrl, tokenType: plan.tokenType, needsReviews: Boolean(plan.review), networkTimeoutMs: plan.networkTimeoutMs, s3Endpoint: plan.s3Endpoint, s3PathStyle: plan.s3PathStyle },
    { env, cwd, log, backoff: runtime.backoff },
  );
  if (!plan.skipPreflight) {
    await log.group('Preflight', () => store.preflight({ branch: plan.branch, needsExistingBranch: Boolean(plan.review) }));
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

  const report = await log.group('Metrics', () => buildReport(plan.report, store, executedNotebook, log));

  const staging = await createStaging(plan.modelDir, log);
  let published: Published;
  let files: FileToPublish[];
  let artifact: StagedArtifact | undefined;
  try {
    ({ files, artifact } = await log.group('Settings', () => stageFiles(plan, staging, executedNotebook, report, log, env)));
    const loadCheck = plan.loadCheck;
    if (loadCheck) {
      await log.group('Load check', () => checkLoad({
        ...loadCheck,
        settingsPath: path.join(staging.dir, SETTINGS_FILE),
        env: { ...plan.trainingEnv, PYTHONDONTWRITEBYTECODE: '1' },
        log,
      }));
    }
    published = await log.group('Publish', () => publish(store, plan, files, artifact, executedNotebook, report, log));
  } finally {
    await staging.remove();
  }

  let rolledOut: ReleaseResult['rollout'];
  if (plan.rollout) {
    const options = plan.rollout;
    rolledOut = await log.group('Rollout', async () => {
      const done = await rollout({
        platform: options.platform, version: plan.version, model: plan.name, settings: plan.settingsPath, storageUri: capabilitiesOf(plan.repo).storageUri!(plan.folder),
        manifestsRepo: options.manifestsRepo, manifestsToken: options.manifestsToken, manifestsPath: options.manifestsPath, namespace: options.namespace,
        canary: options.canary, gitUserName: plan.author.name, gitUserEmail: plan.author.email,
      }, { env, cwd, log, backoff: runtime.backoff });
      return { platform: done.platform, file: done.file, summary: done.summary, commit: done.commit, changed: done.changed };
    });
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
    ...reportFields(report),
    ...storageUriField(plan.repo, plan.folder),
    ...(rolledOut ? { rollout: rolledOut } : {}),
  };
}

function reportFields(report: ReleaseReport) {
  return {
    ...(Object.keys(report.metrics).length > 0 ? { metrics: report.metrics } : {}),
    ...(report.baseline ? { baseline: report.baseline } : {}),
    ...(report.rows.length > 0 ? { comparison: report.rows } : {}),
    ...(report.figures.length > 0 ? { figures: report.figures.map((f) => f.path) } : {}),
  };
}

interface Published {
  status: 'pushed' | 'already-published';
  branch?: string;
  commit?: string;
  reviewUrl?: string;
}

async function publish(store: ModelStore, plan: ReleasePlan, files: FileToPublish[], artifact: StagedArtifact | undefined, executedNotebook: string | undefined, report: ReleaseReport, log: Logger): Promise<Published> {
  const published = await publishVersion(store, {
    folder: plan.folder,
    files,
    identity: { model: plan.name, version: plan.version },
    ignoreForComparison: [RECORD_FILE],
    message: plan.message,
    author: plan.author,
    force: plan.force,
    branch: plan.branch,
    review: plan.review ? { ...plan.review, body: (commit: string | undefined) => reviewBody(plan, artifact, executedNotebook, report, store, commit) } : undefined,
    log,
  });
  if (plan.reloadUrl) await reloadModel(plan.reloadUrl, plan.name, plan.verify?.headers ?? {}, log);
  return published;
}

/** What a reviewer needs to approve a release: where it came from and what it serves. */
function reviewBody(plan: ReleasePlan, artifact: StagedArtifact | undefined, executedNotebook: string | undefined, report: ReleaseReport, store: ModelStore, commit: string | undefined): string {
  // Every value passes the CI escaper (providers/ci-text.ts): CI variables and store locations are data.
  const row = (name: string, value: string | undefined) => (value ? markdownRow([name, value]) : undefined);
  const url = (value: string | undefined) => (value ? markdownUrl(value) : undefined);
  return [
    `Release of model ${markdownCode(plan.name)} version ${markdownCode(plan.version)}, made by mlserver-release.`,
    '',
    '| | |',
    '|---|---|',
    row('Folder', markdownCode(`${plan.folder}/`)),
    row('Endpoint', markdownCode(`POST ${plan.endpoint}`)),
    row('Source repository', url(plan.context.sourceRepository)),
    row('Source commit', plan.context.sourceCommit ? markdownCode(plan.context.sourceCommit) : undefined),
    row('Tag', plan.context.tag ? markdownCode(plan.context.tag) : undefined),
    row('Job', url(plan.context.jobUrl)),
    row('Executed notebook', executedNotebook ? markdownCode(path.basename(executedNotebook)) : undefined),
    row('Artifact', artifact ? `${markdownCode(artifact.uri)}, ${artifact.bytes} bytes, sha256 ${markdownCode(artifact.sha256)}` : undefined),
  ].filter((line): line is string => line !== undefined).join('\n') + '\n' + reportMarkdown(report, plan.version, (file) => rawFileUrl(store.location, commit ?? plan.review?.branch ?? plan.branch ?? 'main', `${plan.folder}/${file}`));
}

/** Renders the settings and stages every file of the version folder (see publish/stage.ts). */
async function stageFiles(plan: ReleasePlan, staging: Staging, executedNotebook: string | undefined, report: ReleaseReport, log: Logger, env: Env) {
  const rendered = renderSettings(plan.settings, plan.version);
  // parameters.uri, or the file name the runtime finds by itself when uri is omitted (settings/runtime-files.ts).
  const uri = modelFileUri(rendered, plan.modelDir, plan.settingsPath, plan.mlserverLine);
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
    ...(Object.keys(report.metrics).length > 0 ? { metrics: report.metrics } : {}),
    ...(report.figures.length > 0 ? { figures: report.figures.map((f) => f.path) } : {}),
  };
  for (const figure of report.figures) {
    await staging.write(figure.path, figure.content);
    extraFiles.push({ path: figure.path, source: path.join(staging.dir, ...figure.path.split('/')), bytes: figure.content.length, sha256: sha256Of(figure.content) });
  }
  const settingsText = serializeSettings(rendered);
  // Every file of the folder, so integrity (promote, verify) checks all of them, both ways.
  record.files = [
    { path: SETTINGS_FILE, bytes: Buffer.byteLength(settingsText), sha256: sha256Of(settingsText) },
    ...[...(artifact?.files ?? []), ...extraFiles].map((file) => ({ path: file.path, bytes: file.bytes, sha256: file.sha256 })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const recordText = JSON.stringify(record, null, 2) + '\n';
  await staging.write(SETTINGS_FILE, settingsText);
  await staging.write(RECORD_FILE, recordText);
  const files: FileToPublish[] = [
    { path: SETTINGS_FILE, content: settingsText },
    // The digests staging computed as it copied travel along: no store reads a staged file again for its id.
    ...[...(artifact?.files ?? []), ...extraFiles].map((file) => ({ path: file.path, source: file.source, sha256: file.sha256 })),
    { path: RECORD_FILE, content: recordText },
  ];
  if (plan.signing) {
    // Every file of the folder, release.json included, as the signature's statement lists them.
    const signed = [...record.files, { path: RECORD_FILE, sha256: sha256Of(recordText) }];
    files.push({ path: SIGNATURE_FILE, content: await signatureFor(plan.signing, path.posix.basename(plan.folder), signed, env, log) });
    log.info(`sign: ${SIGNATURE_FILE} covers ${signed.length} files, signed by ${describeSigner(plan.signing)}`);
  }
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new ReleaseError('ESETTINGSINVALID', `Two files of the version would both be ${file.path}: parameters.uri, the custom runtime and environment_tarball must not overlap`, [], plan.settingsPath);
    seen.add(file.path);
  }
  log.info(`settings: version ${plan.version} written into parameters.version (MLServer ${plan.mlserverLine} rules)`);
  return { files, artifact };
}

function dryRun(plan: ReleasePlan, log: Logger): ReleaseResult {
  const uri = modelFileUri(plan.settings, plan.modelDir, plan.settingsPath, plan.mlserverLine);
  const files = [SETTINGS_FILE, ...(uri ? [folderRelativePath(uri)] : []), RECORD_FILE];
  log.info('dry run: nothing is executed or pushed. The release would:');
  if (plan.notebookPath) log.info(`  run      ${plan.notebookPath} (${plan.runner}) -> ${plan.outputNotebook}`);
  log.info(`  publish  ${files.map((f) => `${plan.folder}/${f}`).join('\n           ')}`);
  log.info(`  commit   "${plan.message}" as ${plan.author.name} <${plan.author.email}>`);
  const where = plan.review ? `branch ${plan.review.branch}, then a pull/merge request into ${plan.branch ?? "the default branch"}` : plan.branch ? `branch ${plan.branch}` : "(the remote's default branch)";
  log.info(`  ${capabilitiesOf(plan.repo).describeWrite(where, plan.via)}`);
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

function sha256Of(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
