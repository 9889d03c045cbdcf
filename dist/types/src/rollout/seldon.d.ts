import type { RolloutPlan } from './types.js';
export declare function seldonManifest(existing: string | undefined, plan: RolloutPlan, file: string): {
    text: string;
    summary: string;
};
