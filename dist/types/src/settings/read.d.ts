/** Deeper than any real settings file, shallow enough that no recursive step can overflow. */
export declare const MAX_SETTINGS_DEPTH = 64;
export declare function readSettingsFile(file: string): Promise<unknown>;
export interface JsonPosition {
    line: number;
    column: number;
}
export declare function parseSettingsText(text: string, file: string): unknown;
export declare function positionAt(text: string, offset: number): JsonPosition;
/** How deeply arrays and objects nest, counted without recursion. */
export declare function nestingDepth(value: unknown): number;
