/**
 * Parameter injection the papermill way: a code cell tagged `injected-parameters`
 * right after the cell tagged `parameters` (or first, when there is none). The
 * nbconvert runner uses this so both runners hand the notebook the same values.
 */

export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[]; [key: string]: unknown };
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

const PYTHON_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isPythonIdentifier(name: string): boolean {
  return PYTHON_IDENTIFIER.test(name);
}

/**
 * papermill's CLI turns "True"/"False"/"None" and numbers into Python values and
 * leaves the rest as strings; we do the same so a notebook sees the same types.
 */
export function pythonLiteral(value: string, raw: boolean): string {
  if (!raw) {
    if (value === 'True' || value === 'False' || value === 'None') return value;
    if (/^[+-]?\d+$/.test(value)) return String(Number.parseInt(value, 10));
    if (/^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(value)) return value;
  }
  // A JSON string literal is also a valid Python string literal (same escapes).
  return JSON.stringify(value);
}

export function sourceText(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

export function hasTag(cell: NotebookCell, tag: string): boolean {
  return Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
}

export function injectParameters(notebook: Notebook, parameters: Parameter[]): Notebook {
  const lines = ['# Parameters', ...parameters.map((p) => `${p.name} = ${pythonLiteral(p.value, p.raw)}`)];
  const injected: NotebookCell = {
    cell_type: 'code',
    execution_count: null,
    metadata: { tags: ['injected-parameters'] },
    outputs: [],
    source: lines.map((line, index) => (index < lines.length - 1 ? `${line}\n` : line)),
  };
  if (notebook.nbformat === 4 && notebook.nbformat_minor >= 5) injected.id = 'injected-parameters';

  // A re-run replaces the previous injection instead of stacking a second one.
  const cells = notebook.cells.filter((cell) => !hasTag(cell, 'injected-parameters'));
  const anchor = cells.findIndex((cell) => hasTag(cell, 'parameters'));
  cells.splice(anchor + 1, 0, injected);
  return { ...notebook, cells };
}

export function countCodeCells(notebook: Notebook): number {
  return notebook.cells.filter((cell) => cell.cell_type === 'code').length;
}
