import { readFile } from 'node:fs/promises';
import { ReleaseError } from '../errors.js';
import type { Notebook } from './inject.js';

/** Reads an .ipynb file and checks it is an nbformat 4 notebook. */
export async function readNotebook(file: string): Promise<Notebook> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ReleaseError('ENOTEBOOKMISSING', `Notebook not found: ${file}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ReleaseError('ENOTEBOOKINVALID', `Notebook ${file} is not valid JSON: ${(error as Error).message}`, [], file);
  }
  const notebook = parsed as Partial<Notebook>;
  if (!Array.isArray(notebook?.cells) || notebook.nbformat !== 4) {
    throw new ReleaseError('ENOTEBOOKINVALID', `Notebook ${file} is not an nbformat 4 notebook (no "cells" list or nbformat != 4)`, [], file);
  }
  return notebook as Notebook;
}
