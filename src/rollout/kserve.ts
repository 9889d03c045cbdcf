/**
 * KServe: one InferenceService (serving.kserve.io/v1beta1) per model, served by
 * MLServer (`runtime: kserve-mlserver`, `protocolVersion: v2`). Canary traffic is
 * `spec.predictor.canaryTrafficPercent`: KServe routes that share to the latest
 * revision and the rest to the last one that was rolled out fully, which needs the
 * serverless (Knative) deployment mode; RawDeployment mode ignores it. The fields
 * follow KServe's InferenceService CRD (v1beta1 PredictorSpec and ModelSpec). The
 * tool owns metadata.name/namespace, the predictor's model fields, the canary
 * percent and its own annotations; every other field and comment in an existing
 * file is kept.
 */
import YAML, { type Document } from 'yaml';
import { ReleaseError } from '../errors.js';
import { parseSingleManifest, textAt } from './manifest.js';
import { resourceName } from './names.js';
import type { RolloutAction, RolloutPlan } from './types.js';

const API_VERSION = 'serving.kserve.io/v1beta1';
const KIND = 'InferenceService';
const ANNOTATION = 'mlserver-release/';

export function kserveManifest(existing: string | undefined, plan: RolloutPlan, file: string): { text: string; summary: string } {
  const name = resourceName(plan.model);
  const parsed = existing === undefined ? undefined : parseSingleManifest(existing, file);
  const doc: Document = parsed ?? new YAML.Document({ apiVersion: API_VERSION, kind: KIND, metadata: { name }, spec: { predictor: { model: {} } } });
  if (parsed && (doc.get('kind') !== KIND || textAt(doc, ['metadata', 'name']) !== name)) {
    throw new ReleaseError('EMANIFEST', `${file} holds ${JSON.stringify(String(doc.get('kind') ?? 'something')).slice(1, -1)} "${textAt(doc, ['metadata', 'name']) ?? '?'}", not the InferenceService "${name}" the tool manages; it is left alone`);
  }
  const annotation = (key: string) => textAt(doc, ['metadata', 'annotations', `${ANNOTATION}${key}`]);
  const setAnnotation = (key: string, value: string | undefined) => {
    if (value === undefined) doc.deleteIn(['metadata', 'annotations', `${ANNOTATION}${key}`]);
    else doc.setIn(['metadata', 'annotations', `${ANNOTATION}${key}`], value);
  };
  const percent = doc.getIn(['spec', 'predictor', 'canaryTrafficPercent']);
  const canary = typeof percent === 'number' ? percent : undefined;
  const current = { version: annotation('version'), storageUri: textAt(doc, ['spec', 'predictor', 'model', 'storageUri']) };
  const action: RolloutAction = plan.action;
  if ((action.kind === 'promote' || action.kind === 'rollback') && canary === undefined) {
    throw new ReleaseError('EUSAGE', `--${action.kind}: ${file} has no canary in progress (no canaryTrafficPercent)`);
  }
  if ((action.kind === 'promote' || action.kind === 'rollback') && current.version !== plan.version) {
    // Promoting or dropping "whatever canary is there" could promote a version nobody meant.
    throw new ReleaseError('EUSAGE', `--${action.kind} --version ${plan.version}: the canary in ${file} is ${current.version ?? 'of an unrecorded version'}, not ${plan.version}; pass --version ${current.version ?? 'V'} to ${action.kind} it`);
  }
  if (plan.namespace) doc.setIn(['metadata', 'namespace'], plan.namespace);
  let summary: string;
  if (action.kind === 'promote') {
    doc.deleteIn(['spec', 'predictor', 'canaryTrafficPercent']);
    setAnnotation('previous-version', undefined);
    setAnnotation('previous-storage-uri', undefined);
    summary = `${name}: ${current.version} takes all the traffic`;
  } else if (action.kind === 'rollback') {
    const previous = annotation('previous-storage-uri');
    if (!previous) throw new ReleaseError('EUSAGE', `--rollback: ${file} does not record the previous storageUri`);
    doc.setIn(['spec', 'predictor', 'model', 'storageUri'], previous);
    setAnnotation('version', annotation('previous-version'));
    setAnnotation('previous-version', undefined);
    setAnnotation('previous-storage-uri', undefined);
    doc.deleteIn(['spec', 'predictor', 'canaryTrafficPercent']);
    summary = `${name}: back to ${annotation('version')} (${previous})`;
  } else {
    const storageUri = plan.storageUri;
    if (current.storageUri === storageUri && (action.kind === 'canary' ? canary === action.percent : canary === undefined)) {
      return { text: String(doc), summary: `${name} already serves ${plan.version} as asked` };
    }
    doc.setIn(['spec', 'predictor', 'model', 'modelFormat', 'name'], plan.modelFormat);
    doc.setIn(['spec', 'predictor', 'model', 'runtime'], 'kserve-mlserver');
    doc.setIn(['spec', 'predictor', 'model', 'protocolVersion'], 'v2');
    if (action.kind === 'canary' && current.storageUri && current.storageUri !== storageUri) {
      setAnnotation('previous-version', current.version);
      setAnnotation('previous-storage-uri', current.storageUri);
      doc.setIn(['spec', 'predictor', 'canaryTrafficPercent'], action.percent);
    } else if (action.kind === 'canary' && canary !== undefined) {
      doc.setIn(['spec', 'predictor', 'canaryTrafficPercent'], action.percent);
    } else {
      doc.deleteIn(['spec', 'predictor', 'canaryTrafficPercent']);
    }
    doc.setIn(['spec', 'predictor', 'model', 'storageUri'], storageUri);
    setAnnotation('version', plan.version);
    summary = action.kind === 'canary' && doc.getIn(['spec', 'predictor', 'canaryTrafficPercent']) !== undefined
      ? `${name}: ${plan.version} gets ${action.percent}% of the traffic, ${current.version} the rest`
      : `${name}: serves ${plan.version}`;
  }
  return { text: String(doc), summary };
}
