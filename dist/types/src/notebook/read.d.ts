import type { Notebook } from './inject.js';
/** Reads an .ipynb file and checks it is an nbformat 4 notebook. */
export declare function readNotebook(file: string): Promise<Notebook>;
