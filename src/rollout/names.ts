/**
 * Kubernetes names for rollouts: DNS-1123 labels (lower-case letters, digits and
 * "-", at most 63, starting and ending with an alphanumeric), as Seldon Model and
 * KServe InferenceService names must be. `v1.0.1` becomes `v1-0-1`.
 * Source: Kubernetes "Object Names and IDs", RFC 1123 label names.
 */
import { ReleaseError } from '../errors.js';

export function dns1123(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
}

/** A DNS-1123 label, as Kubernetes namespace names must be. */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value);
}

export function resourceName(model: string, version?: string): string {
  const name = dns1123(version ? `${model}-${version}` : model);
  if (!name || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
    throw new ReleaseError('EUSAGE', `"${version ? `${model}-${version}` : model}" has no valid Kubernetes name (DNS-1123: lower-case letters, digits and "-")`);
  }
  return name;
}

/**
 * The model format KServe's and Seldon's MLServer runtimes know, from the implementation.
 * KServe: the `supportedModelFormats` of its kserve-mlserver ServingRuntime
 * (kserve/kserve config/runtimes/kserve-mlserver.yaml: sklearn, xgboost, lightgbm, mlflow).
 * Seldon Core v2: the mlserver Server's capabilities, which a Model's `requirements` must match
 * (SeldonIO/seldon-core docs-gb/servers/servers.md: "mlserver,...,lightgbm,mlflow,python,sklearn,...,xgboost").
 */
export const MODEL_FORMATS: Record<string, string> = {
  mlserver_sklearn: 'sklearn', mlserver_xgboost: 'xgboost', mlserver_lightgbm: 'lightgbm', mlserver_mlflow: 'mlflow',
};

export function modelFormat(implementation: string): string {
  const format = MODEL_FORMATS[implementation.split('.')[0]];
  if (!format) {
    throw new ReleaseError('EUSAGE', `The implementation ${implementation} maps to no model format KServe or Seldon Core serve with MLServer; supported: ${Object.entries(MODEL_FORMATS).map(([m, f]) => `${m} (${f})`).join(', ')}`);
  }
  return format;
}
