import type { Logger } from '../log.js';
import { type Env } from '../process.js';
import { type CellFailure } from './failure.js';
import { type Notebook, type Parameter } from './inject.js';
export type RunnerName = 'papermill' | 'nbconvert';
export interface RunnerInput {
    inputNotebook: string;
    notebook: Notebook;
    outputNotebook: string;
    parameters: Parameter[];
    timeoutSeconds?: number;
    env: Env;
    log: Logger;
}
export type RunnerOutcome = {
    ok: true;
} | {
    ok: false;
    failure?: CellFailure;
    stderrTail: string;
};
export interface NotebookRunner {
    name: RunnerName;
    /** The program that must be on PATH. */
    program: string;
    execute(input: RunnerInput): Promise<RunnerOutcome>;
}
export declare const papermillRunner: NotebookRunner;
export declare const nbconvertRunner: NotebookRunner;
export declare const RUNNERS: Record<RunnerName, NotebookRunner>;
/** `auto` prefers papermill, the seed's runner, and falls back to nbconvert. */
export declare function chooseRunner(choice: 'auto' | RunnerName, env: Env): NotebookRunner | undefined;
