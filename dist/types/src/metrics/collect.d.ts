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
/**
 * How deep metrics may nest. A classification_report is 2 levels; a JSON file
 * nested thousands deep would otherwise overflow the stack (exit 1).
 */
export declare const MAX_METRICS_DEPTH = 32;
/**
 * Flattens nested objects with dots; anything but numbers, strings and booleans
 * makes it unusable, and so does nesting deeper than MAX_METRICS_DEPTH levels.
 */
export declare function flatten(value: unknown, prefix?: string): Metrics | undefined;
/** A Python dict literal of simple values, as repr() prints it, read as JSON. */
export declare function parsePythonDict(text: string): unknown;
/** The metrics cells' values, later cells winning; a cell that is not a flat object is named and skipped. */
export declare function metricsFromNotebook(notebook: Notebook, log: Logger): Metrics;
/** The --metrics file the notebook wrote. */
export declare function metricsFromFile(file: string): Promise<Metrics>;
/**
 * Why an SVG figure may not be published, or undefined when it may. An SVG is a
 * document: opened from the repository's raw URL or a review it can run script.
 * We refuse such a figure (a warning names it, the figure is dropped) rather
 * than sanitise it: matplotlib and friends never write these constructs, so a
 * figure that has them is not a plot, and a regex "sanitiser" for XML is a
 * promise we could not keep. Refused: <script>, event-handler attributes
 * (on...=), javascript:/vbscript: URLs, <foreignObject>
 * (HTML inside SVG), iframes, embeds, objects, external references (href to
 * anything but a #fragment or an embedded PNG/JPEG/GIF/WebP data: URL), CSS @import and url(...) to
 * outside, and XML entity declarations. Character references are decoded first,
 * so `&#106;avascript:` counts as `javascript:`.
 */
export declare function unsafeSvg(svg: string): string | undefined;
/** Figures from `report` cells (or all cells), within the limits; the rest are skipped with a warning. */
export declare function figuresFromNotebook(notebook: Notebook, which: 'report' | 'all', log: Logger): Figure[];
