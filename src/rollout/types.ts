/** What a rollout asks of a platform's manifests. */
export type RolloutAction = { kind: 'deploy' } | { kind: 'canary'; percent: number } | { kind: 'promote' } | { kind: 'rollback' };

export interface RolloutPlan {
  model: string;
  version: string;
  storageUri: string;
  modelFormat: string;
  namespace?: string;
  action: RolloutAction;
}
