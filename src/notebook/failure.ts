/**
 * Turning a failed run into a readable report: which cell, which exception, and
 * where the executed notebook is. papermill leaves the error inside the notebook
 * it writes; nbconvert writes nothing, so its log is read instead.
 */
import { hasTag, sourceText, type Notebook } from './inject.js';

export interface CellFailure {
  /** 1-based position in the executed notebook. */
  cellNumber: number;
  cellCount: number;
  firstLine: string;
  errorName: string;
  errorValue: string;
  timedOut: boolean;
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Finds the first error output in a notebook papermill wrote. */
export function failureFromNotebook(notebook: Notebook): CellFailure | undefined {
  const cells = notebook.cells;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (hasTag(cell, 'papermill-error-cell-tag')) continue;
    const error = (cell.outputs ?? []).find((output) => output.output_type === 'error');
    if (!error) continue;
    return {
      cellNumber: index + 1,
      cellCount: cells.length,
      firstLine: firstLine(sourceText(cell)),
      errorName: error.ename ?? 'Error',
      errorValue: error.evalue ?? '',
      timedOut: false,
    };
  }
  return undefined;
}

/**
 * Reads nbconvert's debug log. `cellIndex` is the index (0-based, in the notebook
 * handed to nbconvert) of the cell that was executing when it stopped.
 */
export function failureFromNbconvertLog(stderr: string, notebook: Notebook, cellIndex: number): CellFailure {
  const cell = notebook.cells[cellIndex];
  const base = {
    cellNumber: cellIndex + 1,
    cellCount: notebook.cells.length,
    firstLine: cell ? firstLine(sourceText(cell)) : '',
  };
  if (/CellTimeoutError|timed out while it was being executed/.test(stderr)) {
    return { ...base, errorName: 'CellTimeoutError', errorValue: 'the cell exceeded --timeout', timedOut: true };
  }
  // nbclient logs each kernel error reply as a Python dict repr; the last one is the failure.
  const replies = [...stderr.matchAll(/'ename': (['"])(.*?)\1, 'evalue': (['"])(.*)\3\}/g)];
  const reply = replies[replies.length - 1];
  if (reply) return { ...base, errorName: reply[2], errorValue: unescapePythonRepr(reply[4]), timedOut: false };
  const lastLine = stderr.replace(ANSI, '').trim().split('\n').pop() ?? '';
  const separator = lastLine.indexOf(': ');
  return separator > 0
    ? { ...base, errorName: lastLine.slice(0, separator), errorValue: lastLine.slice(separator + 2), timedOut: false }
    : { ...base, errorName: 'Error', errorValue: lastLine, timedOut: false };
}

/** Records the failure in the notebook nbconvert did not save, so the user keeps a copy. */
export function markFailedCell(notebook: Notebook, failure: CellFailure): Notebook {
  const cells = notebook.cells.map((cell, index) =>
    index === failure.cellNumber - 1
      ? {
          ...cell,
          outputs: [
            ...(cell.outputs ?? []),
            { output_type: 'error', ename: failure.errorName, evalue: failure.errorValue, traceback: [`${failure.errorName}: ${failure.errorValue}`] },
          ],
        }
      : cell,
  );
  return { ...notebook, cells };
}

export function describeFailure(failure: CellFailure, executedNotebook: string): string {
  const what = failure.timedOut ? 'timed out' : `raised ${failure.errorName}: ${failure.errorValue}`;
  const code = failure.firstLine ? ` (\`${failure.firstLine}\`)` : '';
  return `Notebook cell ${failure.cellNumber} of ${failure.cellCount}${code} ${what}. Executed notebook: ${executedNotebook}`;
}

function firstLine(source: string): string {
  const line = source.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line.trim();
}

function unescapePythonRepr(text: string): string {
  return text.replace(/\\n/g, '\n').replace(/\\'/g, "'").replace(/\\"/g, '"').replace(/\\\\/g, '\\');
}
