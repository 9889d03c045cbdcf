import type { Logger } from '../log.js';
import type { Notebook } from '../notebook/inject.js';
export type MetricValue = number | string | boolean;
export type Metrics = Record<string, MetricValue>;
export declare const MAX_FIGURES = 10;
export declare const MAX_FIGURE_BYTES: number;
export interface Figure {
    /** Path inside the version folder: report/<n>-<cell>.png or .svg */
    path: string;
    content: Buffer;
}
/** Flattens nested objects with dots; anything but numbers, strings and booleans makes it unusable. */
export declare function flatten(value: unknown, prefix?: string): Metrics | undefined;
/** A Python dict literal of simple values, as repr() prints it, read as JSON. */
export declare function parsePythonDict(text: string): unknown;
/** The metrics cells' values, later cells winning; a cell that is not a flat object is named and skipped. */
export declare function metricsFromNotebook(notebook: Notebook, log: Logger): Metrics;
/** The --metrics file the notebook wrote. */
export declare function metricsFromFile(file: string): Promise<Metrics>;
/** Figures from `report` cells (or all cells), within the limits; the rest are skipped with a warning. */
export declare function figuresFromNotebook(notebook: Notebook, which: 'report' | 'all', log: Logger): Figure[];
