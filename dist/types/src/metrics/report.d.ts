import type { Logger } from '../log.js';
import type { ModelStore } from '../stores/types.js';
import { type Figure, type Metrics } from './collect.js';
import { type ComparisonRow, type Gate } from './gate.js';
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
    baseline?: {
        version: string;
        metrics: Metrics;
    };
    rows: ComparisonRow[];
    notes: string[];
}
export declare function buildReport(plan: ReportPlan, store: ModelStore, executedNotebook: string | undefined, log: Logger): Promise<ReleaseReport>;
