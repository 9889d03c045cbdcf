import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { type Parameter } from './inject.js';
import { type RunnerName } from './runners.js';
export interface NotebookStepInput {
    notebookPath: string;
    outputNotebook: string;
    runner: 'auto' | RunnerName;
    parameters: Parameter[];
    timeoutSeconds?: number;
    env: Env;
    log: Logger;
}
export interface NotebookStepResult {
    runner: RunnerName;
    executedNotebook: string;
    seconds: number;
}
export declare function defaultExecutedNotebookPath(notebookPath: string): string;
export declare function executeNotebook(input: NotebookStepInput): Promise<NotebookStepResult>;
