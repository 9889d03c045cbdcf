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
import { resourceName } from './names.js';
import type { RolloutAction, RolloutPlan } from './types.js';

const API_VERSION = 'serving.kserve.io/v1beta1';
const KIND = 'InferenceService';
const ANNOTATION = 'mlserver-release/';

export function kserveManifest(existing: string | undefined, plan: RolloutPlan, file: string): { text: string; summary: string } {
  const name = resourceName(plan.model);
  const doc: Document = existing ? YAML.parseDocument(existing) : new YAML.Document({ apiVersion: API_VERSION, kind: KIND, metadata: { name }, spec: { predictor: { model: {} } } });
  if (existing && (doc.get('kind') !== KIND || doc.getIn(['metadata', 'name']) !== name)) {
    throw new ReleaseError('EUSAGE', `${file} holds ${doc.get('kind') ?? 'something'} "${doc.getIn(['metadata', 'name']) ?? '?'}", not the InferenceService "${name}" the tool manages; it is left alone`);
  }
  const annotation = (key: string) => doc.getIn(['metadata', 'annotations', `${ANNOTATION}${key}`]) as string | undefined;
  const setAnnotation = (key: string, value: string | undefined) => {
    if (value === undefined) doc.deleteIn(['metadata', 'annotations', `${ANNOTATION}${key}`]);
    else doc.setIn(['metadata', 'annotations', `${ANNOTATION}${key}`], value);
  };
  const canary = doc.getIn(['spec', 'predictor', 'canaryTrafficPercent']) as number | undefined;
  const current = { version: annotation('version'), storageUri: doc.getIn(['spec', 'predictor', 'model', 'storageUri']) as string | undefined };
  const action: RolloutAction = plan.action;
  if ((action.kind === 'promote' || action.kind === 'rollback') && canary === undefined) {
    throw new ReleaseError('EUSAGE', `--${action.kind}: ${file} has no canary in progress (no canaryTrafficPercent)`);
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
