/**
 * Turning a failed run into a readable report: which cell, which exception, and
 * where the executed notebook is. papermill leaves the error inside the notebook
 * it writes; nbconvert writes nothing, so its log is read instead.
 */
import { type Notebook } from './inject.js';
export interface CellFailure {
    /** 1-based position in the executed notebook. */
    cellNumber: number;
    cellCount: number;
    firstLine: string;
    errorName: string;
    errorValue: string;
    timedOut: boolean;
}
/** Finds the first error output in a notebook papermill wrote. */
export declare function failureFromNotebook(notebook: Notebook): CellFailure | undefined;
/**
 * Reads nbconvert's debug log. `cellIndex` is the index (0-based, in the notebook
 * handed to nbconvert) of the cell that was executing when it stopped.
 */
export declare function failureFromNbconvertLog(stderr: string, notebook: Notebook, cellIndex: number): CellFailure;
/** Records the failure in the notebook nbconvert did not save, so the user keeps a copy. */
export declare function markFailedCell(notebook: Notebook, failure: CellFailure): Notebook;
export declare function describeFailure(failure: CellFailure, executedNotebook: string): string;
