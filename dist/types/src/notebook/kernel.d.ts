import { type Env } from '../process.js';
import type { Notebook } from './inject.js';
export declare function kernelName(notebook: Notebook | undefined): string;
export interface KernelPython {
    kernel: string;
    /** Absolute path of the interpreter, or undefined when no Jupyter or kernel is found. */
    python?: string;
    /** Why it could not be found. */
    reason?: string;
}
export declare function resolveKernelPython(notebook: Notebook | undefined, env: Env): Promise<KernelPython>;
