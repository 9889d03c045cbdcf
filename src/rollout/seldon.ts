/**
 * Seldon Core v2: one Model (mlops.seldon.io/v1alpha1) per served version, named
 * `<model>-<version>` in DNS-1123 form, with `storageUri` and `requirements`; a
 * canary is an Experiment (mlops.seldon.io/v1alpha1) whose `default` is the
 * stable Model and whose weighted `candidates` split the traffic. The fields
 * follow Seldon Core v2's Model and Experiment CRDs (v1alpha1). All of them live
 * in one multi-document file; documents the tool does not own are kept as they are.
 */
import YAML, { type Document } from 'yaml';
import { ReleaseError } from '../errors.js';
import { parseManifestDocuments, stringifyDocuments, textAt } from './manifest.js';
import { resourceName } from './names.js';
import type { RolloutPlan } from './types.js';

const API_VERSION = 'mlops.seldon.io/v1alpha1';
const OWNER = 'mlserver-release/model';
const VERSION = 'mlserver-release/version';

export function seldonManifest(existing: string | undefined, plan: RolloutPlan, file: string): { text: string; summary: string } {
  const docs: Document[] = existing === undefined ? [] : parseManifestDocuments(existing, file);
  const ours = (d: Document, kind: string) => d.get('kind') === kind && d.getIn(['metadata', 'labels', OWNER]) === plan.model;
  const models = docs.filter((d) => ours(d, 'Model'));
  const experiment = docs.find((d) => ours(d, 'Experiment'));
  const experimentName = resourceName(plan.model, 'canary');
  const candidateName = resourceName(plan.model, plan.version);
  const clash = docs.find((d) => d.get('kind') === 'Model' && textAt(d, ['metadata', 'name']) === candidateName && textAt(d, ['metadata', 'annotations', VERSION]) !== plan.version);
  if (clash && (plan.action.kind === 'deploy' || plan.action.kind === 'canary')) {
    throw new ReleaseError('EUSAGE', `${file}: the Model "${candidateName}" already stands for version ${clash.getIn(['metadata', 'annotations', VERSION]) ?? 'unknown'}; ${plan.version} has the same Kubernetes name, so choose a version that differs in letters or digits`);
  }
  const model = (name: string, version: string, storageUri: string) => new YAML.Document({
    apiVersion: API_VERSION,
    kind: 'Model',
    metadata: { name, ...(plan.namespace ? { namespace: plan.namespace } : {}), labels: { [OWNER]: plan.model }, annotations: { [VERSION]: version } },
    spec: { storageUri, requirements: [plan.modelFormat] },
  });
  const nameOf = (d: Document) => textAt(d, ['metadata', 'name']);
  const without = (drop: (d: Document) => boolean) => docs.filter((d) => !drop(d));
  let next: Document[];
  let summary: string;
  switch (plan.action.kind) {
    case 'promote':
    case 'rollback': {
      if (!experiment) throw new ReleaseError('EUSAGE', `--${plan.action.kind}: ${file} has no canary in progress (no Experiment for ${plan.model})`);
      const stable = textAt(experiment, ['spec', 'default']);
      const listed = experiment.toJS().spec?.candidates as unknown;
      const candidates = Array.isArray(listed) ? listed.map((c) => (c && typeof c === 'object' ? (c as { name?: unknown }).name : undefined)).filter((n): n is string => typeof n === 'string') : [];
      const candidate = candidates.find((c) => c !== stable);
      if (!stable || !candidate) throw new ReleaseError('EMANIFEST', `${file}: the Experiment ${nameOf(experiment) ?? ''} has no default and candidate Model names (spec.default, spec.candidates[].name); it is left alone`);
      const candidateVersion = docs.find((d) => ours(d, 'Model') && nameOf(d) === candidate);
      const canaryVersion = candidateVersion ? textAt(candidateVersion, ['metadata', 'annotations', VERSION]) : undefined;
      if (canaryVersion !== plan.version) {
        throw new ReleaseError('EUSAGE', `--${plan.action.kind} --version ${plan.version}: the canary in ${file} is ${canaryVersion ?? `the Model ${candidate}`}, not ${plan.version}; pass --version ${canaryVersion ?? 'V'} to ${plan.action.kind} it`);
      }
      const dropModel = plan.action.kind === 'promote' ? stable : candidate;
      next = without((d) => d === experiment || (ours(d, 'Model') && nameOf(d) === dropModel));
      summary = plan.action.kind === 'promote' ? `${candidate} takes all the traffic` : `back to ${stable}`;
      break;
    }
    case 'canary': {
      const stable = experiment ? textAt(experiment, ['spec', 'default']) : models.length === 1 ? nameOf(models[0]) : undefined;
      if (!stable || stable === candidateName) {
        next = [...without((d) => ours(d, 'Model') || d === experiment), model(candidateName, plan.version, plan.storageUri)];
        summary = `${candidateName} serves ${plan.model} (nothing to split traffic with yet)`;
        break;
      }
      const percent = plan.action.percent;
      const exp = new YAML.Document({
        apiVersion: API_VERSION,
        kind: 'Experiment',
        metadata: { name: experimentName, ...(plan.namespace ? { namespace: plan.namespace } : {}), labels: { [OWNER]: plan.model } },
        spec: { default: stable, candidates: [{ name: stable, weight: 100 - percent }, { name: candidateName, weight: percent }] },
      });
      next = [...without((d) => d === experiment || (ours(d, 'Model') && nameOf(d) !== stable)), model(candidateName, plan.version, plan.storageUri), exp];
      summary = `${candidateName} gets ${percent}% of the traffic, ${stable} the rest`;
      break;
    }
    default:
      next = [...without((d) => ours(d, 'Model') || d === experiment), model(candidateName, plan.version, plan.storageUri)];
      summary = `${candidateName} serves ${plan.model}`;
  }
  return { text: stringifyDocuments(next), summary };
}
