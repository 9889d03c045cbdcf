import type { RolloutPlan } from './types.js';
export declare function kserveManifest(existing: string | undefined, plan: RolloutPlan, file: string): {
    text: string;
    summary: string;
};
