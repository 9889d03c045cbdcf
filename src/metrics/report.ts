/**
 * The release's report: metrics and figures from the executed notebook (or the
 * --metrics file), the baseline they are compared with, and the gate's verdict.
 * The baseline is the store's default version of the model when it has one, else
 * its newest published version by semver (or --baseline V); its release.json is
 * read through the store's cheap snapshot, never its artifacts.
 */
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { groupByModel, versionsIn } from '../inventory.js';
import type { Logger } from '../log.js';
import type { Notebook } from '../notebook/inject.js';
import { readNotebook } from '../notebook/read.js';
import { RECORD_FILE } from '../publish/layout.js';
import type { ModelStore } from '../stores/types.js';
import { newestVersion } from '../versions.js';
import { figuresFromNotebook, metricsFromFile, metricsFromNotebook, type Figure, type Metrics } from './collect.js';
import { comparisonRows, comparisonTable, evaluateGate, type ComparisonRow, type Gate } from './gate.js';

export interface ReportPlan {
  model: string;
  version: string;
  modelDir: string;
  metricsFile?: string;
  figures: 'report' | 'all';
  gate: Gate;
  baseline?: string;
  branch?: string;
}

export interface ReleaseReport {
  metrics: Metrics;
  figures: Figure[];
  baseline?: { version: string; metrics: Metrics };
  rows: ComparisonRow[];
  notes: string[];
}

export async function buildReport(plan: ReportPlan, store: ModelStore, executedNotebook: string | undefined, log: Logger): Promise<ReleaseReport> {
  const notebook: Notebook | undefined = executedNotebook ? await readNotebook(executedNotebook) : undefined;
  const metrics: Metrics = notebook ? metricsFromNotebook(notebook, log) : {};
  if (plan.metricsFile) Object.assign(metrics, await metricsFromFile(path.resolve(plan.modelDir, plan.metricsFile)));
  const figures = notebook ? figuresFromNotebook(notebook, plan.figures, log) : [];
  const wantsReport = Object.keys(metrics).length > 0 || plan.gate.require.length > 0 || plan.gate.noRegression.length > 0;
  const baseline = wantsReport ? await readBaseline(plan, store, log) : undefined;
  const rows = comparisonRows(metrics, baseline?.metrics);
  const verdict = evaluateGate(plan.gate, metrics, baseline?.metrics, baseline?.version);
  const notes = [...verdict.notes];
  if (wantsReport && !baseline) notes.push(`no baseline: this is the first release of ${plan.model} in ${store.location}`);
  for (const note of notes) log.info(`metrics: ${note}`);
  if (rows.length > 0) log.info(`metrics:\n${comparisonTable(rows, baseline?.version, plan.version, verdict.failures, 'text')}`);
  if (figures.length > 0) log.info(`report: ${figures.length} figure(s): ${figures.map((f) => f.path).join(', ')}`);
  if (verdict.failures.size > 0) {
    // The text table is logged just above; the details name the failing rows, and
    // the markdown table goes to the job summary, not squeezed into an annotation.
    const failure = new ReleaseError('EGATE', `The quality gate failed for ${plan.model} ${plan.version}; nothing was published`, [...verdict.failures.values()]);
    failure.markdown = comparisonTable(rows, baseline?.version, plan.version, verdict.failures, 'markdown');
    throw failure;
  }
  return { metrics, figures, baseline, rows, notes };
}

async function readBaseline(plan: ReportPlan, store: ModelStore, log: Logger): Promise<{ version: string; metrics: Metrics } | undefined> {
  const snapshot = await store.snapshot(plan.branch, { model: plan.model });
  const model = groupByModel(await versionsIn(snapshot, plan.model), plan.model)[0];
  if (!model) return undefined;
  const candidates = model.versions.filter((v) => v.version !== plan.version);
  const version = plan.baseline ?? model.defaultVersion ?? newestVersion(candidates.map((v) => v.version));
  if (!version) return undefined;
  const folder = model.versions.find((v) => v.version === version)?.folder;
  if (!folder) throw new ReleaseError('ENOSUCHVERSION', `--baseline ${version}: ${plan.model} ${version} is not published in ${store.location}`);
  const text = (await snapshot.readTexts([`${folder}/${RECORD_FILE}`])).get(`${folder}/${RECORD_FILE}`);
  let metrics: Metrics = {};
  try {
    metrics = (text ? (JSON.parse(text).metrics as Metrics | undefined) : undefined) ?? {};
  } catch {
    log.warn(`metrics: the baseline's ${folder}/${RECORD_FILE} is not JSON; comparing with nothing`);
  }
  log.info(`metrics: the baseline is ${plan.model} ${version} (${plan.baseline ? '--baseline' : model.defaultVersion === version ? 'the default version' : 'the newest published version'})`);
  return { version, metrics };
}
