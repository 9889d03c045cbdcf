import type { MetricValue, Metrics } from './collect.js';
export type Operator = '>=' | '>' | '<=' | '<' | '==' | '!=';
export interface Requirement {
    metric: string;
    operator: Operator;
    value: MetricValue;
    text: string;
}
export interface NoRegression {
    metric: string;
    tolerance: number;
    text: string;
}
export interface Gate {
    require: Requirement[];
    noRegression: NoRegression[];
}
/** Parses the gate's expressions before anything runs; a bad one is exit 2. */
export declare function parseGate(require?: string[], noRegression?: string[]): Gate;
export interface GateVerdict {
    /** Metric -> why it failed. */
    failures: Map<string, string>;
    notes: string[];
}
export declare function evaluateGate(gate: Gate, metrics: Metrics, baseline: Metrics | undefined, baselineVersion: string | undefined): GateVerdict;
export interface ComparisonRow {
    metric: string;
    baseline?: MetricValue;
    current?: MetricValue;
    change: string;
}
export declare function comparisonRows(metrics: Metrics, baseline: Metrics | undefined): ComparisonRow[];
/**
 * The comparison as a table: markdown for summaries and reviews, text for the
 * terminal. Metric names, string values and the baseline's version are data
 * (the notebook's, the store's): every cell passes through the CI escaper, so a
 * table keeps one row per metric and no cell is a CI command.
 */
export declare function comparisonTable(rows: ComparisonRow[], baselineVersion: string | undefined, version: string, failing: Map<string, string>, format: 'markdown' | 'text'): string;
