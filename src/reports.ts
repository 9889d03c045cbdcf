/**
 * What a verb did, told once for every CI: a headline ("Promoted iris v2",
 * "Review opened", "Gate failed: ..."), a status and whether anything changed, the
 * step outputs (named as in action.yml), and a Markdown body for job summaries.
 * Providers hand a Report to their CI (GitHub outputs and summary, GitLab dotenv
 * and a log section); every verb makes one, on success and on failure.
 */
import { exitCodeOf, formatError, isReleaseError } from './errors.js';
import type { Command } from './options.js';
import type { Env } from './process.js';
import { markdownCode, markdownFence, markdownText } from './providers/ci-text.js';
import type { DefaultResult, ListResult, PruneResult, ReleaseResult, Report, RolloutResult, SignatureCheck, VerbResults, VerifiedVersion } from './results.js';
import { curlLine, resultOutputs, summaryMarkdown } from './summary.js';
import { comparisonTable } from './metrics/gate.js';

/** Every output the Action declares, with its description; each verb sets those that apply, the rest are empty. */
export const OUTPUTS = {
  status: 'What happened: pushed, review-opened, already-published, already-promoted, dry-run, default-set, default-unchanged, rolled-out, unchanged, verified, signature-verified, listed, pruned, would-prune, gate-failed or failed.',
  changed: 'true when this step changed a store or a GitOps repository.',
  model: 'The model name.',
  version: 'The version released, promoted, made the default or rolled out.',
  folder: 'The version folder inside the model repository, e.g. models/iris-v1.2.0.',
  commit: 'The commit (or object-store write) that holds the change.',
  endpoint: 'The V2 inference path, e.g. /v2/models/iris/versions/v1.2.0/infer.',
  'already-published': 'true when this exact content was already published (nothing was pushed).',
  'executed-notebook': 'Path of the executed notebook (upload it as an artifact).',
  verified: 'true when verify-url checked the served version.',
  'review-url': 'The pull request opened in review mode.',
  source: 'promote - the store and commit the version was copied from.',
  metrics: "The notebook's metrics, as JSON.",
  'storage-uri': 'Object storage - where KServe or Seldon reads the version from.',
  removed: 'prune - the versions removed (or, without yes, that would be), as JSON.',
  'signed-by': 'verify-signature - the key (sha256 of the public key) or keyless identity that signed the version.',
  'exit-code': 'The exit code (0 on success; see the README for the others).',
} as const;
export type OutputName = keyof typeof OUTPUTS;

function outputs(values: Partial<Record<OutputName, string>>): Record<OutputName, string> {
  return Object.fromEntries(Object.keys(OUTPUTS).map((name) => [name, values[name as OutputName] ?? ''])) as Record<OutputName, string>;
}

function table(rows: Array<[string, string | undefined]>): string {
  const shown = rows.filter(([, value]) => value !== undefined && value !== '');
  if (shown.length === 0) return '';
  return ['| | |', '|---|---|', ...shown.map(([key, value]) => `| ${key} | ${value} |`), ''].join('\n');
}

function releaseReport(command: Command, result: ReleaseResult, env: Env): Report {
  const promoted = command === 'promote';
  const review = result.status === 'pushed' && Boolean(result.reviewUrl);
  const status = review ? 'review-opened' : result.status;
  const headline = {
    pushed: review ? `Review opened: ${result.model} ${result.version}` : `${promoted ? 'Promoted' : 'Released'} ${result.model} ${result.version}`,
    'already-published': `${result.model} ${result.version} was already published`,
    'already-promoted': `${result.model} ${result.version} was already promoted`,
    'dry-run': `Dry run: ${result.model} ${result.version}`,
  }[result.status];
  return {
    command, status, changed: result.pushed, headline,
    outputs: outputs({ ...resultOutputs(result), status, changed: String(result.pushed), 'exit-code': '0' }),
    markdown: summaryMarkdown(result, env, promoted),
    details: [...(result.comparison ? comparisonTable(result.comparison, result.baseline?.version, result.version, new Map(), 'text').trimEnd().split('\n') : []), curlLine(result)],
    metrics: result.metrics,
  };
}

function defaultReport(result: DefaultResult): Report {
  const status = result.dryRun ? 'dry-run' : result.changed ? 'default-set' : 'default-unchanged';
  const headline = result.dryRun ? `Dry run: ${result.model} ${result.version} would be the default`
    : result.changed ? `Default set: ${result.model} ${result.version}` : `Default unchanged: ${result.model} ${result.version}`;
  return {
    command: 'default', status, changed: result.changed, headline,
    outputs: outputs({ status, changed: String(result.changed), model: result.model, version: result.version, folder: result.folder, commit: result.commit, endpoint: result.endpoint, 'exit-code': '0' }),
    markdown: table([['Serves', markdownCode(`POST ${result.endpoint}`)], ['Folder', markdownCode(`${result.folder}/`)], ['Repository', markdownCode(result.repo)], ['Commit', result.commit ? markdownCode(result.commit.slice(0, 12)) : undefined]]),
    details: [],
  };
}

function rolloutReport(result: RolloutResult): Report {
  const status = result.dryRun ? 'dry-run' : result.changed ? (result.reviewUrl ? 'review-opened' : 'rolled-out') : 'unchanged';
  const headline = `${{ 'dry-run': 'Dry run', 'review-opened': 'Review opened', 'rolled-out': 'Rolled out', unchanged: 'Nothing to change' }[status]}: ${result.summary}`;
  return {
    command: 'rollout', status, changed: result.changed && !result.dryRun, headline,
    outputs: outputs({ status, changed: String(result.changed && !result.dryRun), model: result.model, version: result.version, commit: result.commit, 'review-url': result.reviewUrl, 'storage-uri': result.storageUri, 'exit-code': '0' }),
    markdown: table([['Platform', markdownText(result.platform)], ['Manifest', markdownCode(result.file)], ['GitOps repository', markdownCode(result.manifestsRepo)], ['Storage URI', markdownCode(result.storageUri)], ['Commit', result.commit ? markdownCode(result.commit.slice(0, 12)) : undefined], ['Review', result.reviewUrl ? markdownText(result.reviewUrl) : undefined]]),
    details: [],
  };
}

function verifyReport(result: VerifiedVersion): Report {
  return {
    command: 'verify', status: 'verified', changed: false, headline: `Verified ${result.model} ${result.version}`,
    outputs: outputs({ status: 'verified', changed: 'false', model: result.model, version: result.version, verified: 'true', 'exit-code': '0' }),
    markdown: `The server is ready and answered the sample request:\n\n${markdownFence(JSON.stringify(result.response, null, 2), 'json')}\n`,
    details: [],
  };
}

function signatureReport(result: SignatureCheck): Report {
  return {
    command: 'verify-signature', status: 'signature-verified', changed: false, headline: `Signature verified: ${result.model} ${result.version}`,
    outputs: outputs({ status: 'signature-verified', changed: 'false', model: result.model, version: result.version, folder: result.folder, 'signed-by': result.signedBy, 'exit-code': '0' }),
    markdown: table([['Folder', markdownCode(`${result.folder}/`)], ['Repository', markdownCode(result.repo)], ['Signed by', markdownText(result.signedBy)]]),
    details: [`signed by ${result.signedBy}`],
  };
}

function listReport(result: ListResult): Report {
  const rows = result.models.flatMap((m) => m.versions.map((v) => `| ${markdownCode(m.model)} | ${markdownCode(v.version)} | ${v.releasedAt ? markdownText(v.releasedAt.slice(0, 19)) : '—'} | ${v.version === m.defaultVersion ? 'default' : ''} |`));
  return {
    command: 'list', status: 'listed', changed: false, headline: `Listed ${result.models.length} model(s)`,
    outputs: outputs({ status: 'listed', changed: 'false', 'exit-code': '0' }),
    markdown: rows.length ? ['| model | version | released | |', '|---|---|---|---|', ...rows, ''].join('\n') : 'No published models found.\n',
    details: [],
  };
}

function pruneReport(result: PruneResult): Report {
  const status = result.applied ? 'pruned' : 'would-prune';
  const headline = result.removed.length === 0 ? 'Nothing to prune' : `${result.applied ? 'Pruned' : 'Would prune'} ${result.removed.length} version(s)`;
  return {
    command: 'prune', status, changed: result.applied, headline,
    outputs: outputs({ status, changed: String(result.applied), commit: result.commit, removed: JSON.stringify(result.removed.map((v) => ({ model: v.model, version: v.version, folder: v.folder }))), 'exit-code': '0' }),
    markdown: result.removed.map((v) => `- ${markdownCode(v.model)} ${markdownCode(v.version)} (${markdownCode(v.folder)})`).join('\n') + '\n',
    details: result.removed.map((v) => `${v.model} ${v.version} (${v.folder})`),
  };
}

/** The report of a verb that finished. */
export function reportOf<C extends Command>(command: C, result: VerbResults[C], env: Env): Report {
  switch (command) {
    case 'release': case 'publish': case 'promote': return releaseReport(command, result as ReleaseResult, env);
    case 'default': return defaultReport(result as DefaultResult);
    case 'rollout': return rolloutReport(result as RolloutResult);
    case 'verify': return verifyReport(result as VerifiedVersion);
    case 'list': return listReport(result as ListResult);
    case 'verify-signature': return signatureReport(result as SignatureCheck);
    default: return pruneReport(result as PruneResult);
  }
}

/** The report of a verb that failed: the quality gate with its table, anything else with the error and its hint. */
export function failureReport(command: Command, error: unknown): Report {
  const code = exitCodeOf(error);
  const gate = isReleaseError(error) && error.code === 'EGATE';
  const message = error instanceof Error ? error.message : String(error);
  const status = gate ? 'gate-failed' : 'failed';
  return {
    command, status, changed: false, failed: true,
    headline: gate ? `Gate failed: ${message}` : `${command} failed (exit ${code})`,
    outputs: outputs({ status, changed: 'false', 'exit-code': String(code) }),
    markdown: gate && isReleaseError(error) && error.markdown ? `${error.markdown}\n` : `${markdownFence(formatError(error), 'text')}\n`,
    details: [],
  };
}
