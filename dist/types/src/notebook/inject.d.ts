/**
 * Parameter injection the papermill way: a code cell tagged `injected-parameters`
 * right after the cell tagged `parameters` (or first, when there is none). The
 * nbconvert runner uses this so both runners hand the notebook the same values.
 */
export interface NotebookCell {
    cell_type: string;
    source: string | string[];
    metadata?: {
        tags?: string[];
        [key: string]: unknown;
    };
    outputs?: NotebookOutput[];
    execution_count?: number | null;
    id?: string;
    [key: string]: unknown;
}
export interface NotebookOutput {
    output_type: string;
    ename?: string;
    evalue?: string;
    traceback?: string[];
    [key: string]: unknown;
}
export interface Notebook {
    cells: NotebookCell[];
    metadata?: Record<string, unknown>;
    nbformat: number;
    nbformat_minor: number;
}
export interface Parameter {
    name: string;
    value: string;
    /** Raw values stay strings; others are typed the way papermill's `-p` types them. */
    raw: boolean;
}
export declare function isPythonIdentifier(name: string): boolean;
/**
 * papermill's CLI turns "True"/"False"/"None" and numbers into Python values and
 * leaves the rest as strings; we do the same so a notebook sees the same types.
 */
export declare function pythonLiteral(value: string, raw: boolean): string;
export declare function sourceText(cell: NotebookCell): string;
export declare function hasTag(cell: NotebookCell, tag: string): boolean;
export declare function injectParameters(notebook: Notebook, parameters: Parameter[]): Notebook;
export declare function countCodeCells(notebook: Notebook): number;
