import type { Logger } from '../log.js';
import { type Env } from '../process.js';
import { type MlserverLine } from '../settings/mlserver-schema.js';
export interface ImplementationProbe {
    status: 'ok' | 'not-installed' | 'no-attribute' | 'import-error';
    module?: string;
    detail?: string;
    file?: string;
}
export interface EnvironmentProbe {
    /** The mlserver version the notebook's Python imports, e.g. "1.3.2". */
    mlserver?: string;
    implementation?: ImplementationProbe;
}
export declare function probeEnvironment(python: string, implementation: string, modelDir: string, env: Env): Promise<EnvironmentProbe>;
/** --mlserver-version if given, else the importable mlserver's line, else the newest line. */
export declare function chooseMlserverLine(explicit: string | undefined, probed: string | undefined, log: Logger): MlserverLine;
/** Turns the implementation probe into an error (it cannot load) or a warning (we cannot tell). */
export declare function judgeImplementation(implementation: string, probe: ImplementationProbe | undefined, settingsPath: string, log: Logger): void;
