/**
 * Interrupted runs: on SIGINT or SIGTERM, stop every child process group (the
 * notebook and its kernel, Python checks, git), remove every temporary thing the
 * run made (temp repositories, staged copies, the injected notebook, folder-target
 * staging folders), then exit 130 or 143 as shells do. Steps register what they
 * create and unregister it when they clean up themselves.
 */
import { rmSync } from 'node:fs';
import { killGroup, runningGroups } from './process.js';

const leftovers = new Set<string>();

/** Registers a path to delete if the run is interrupted; returns the function that forgets it. */
export function removeOnInterrupt(target: string): () => void {
  leftovers.add(target);
  return () => {
    leftovers.delete(target);
  };
}

const callbacks = new Set<() => Promise<void>>();

/**
 * Registers work to do before exiting on an interrupt (release an S3 claim, abort
 * a multipart upload); returns the function that forgets it. Each callback gets a
 * few seconds at most, so a dead network never keeps the run alive.
 */
export function onInterrupt(callback: () => Promise<void>): () => void {
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
  };
}

/** How long interrupt callbacks may take, together, before the process exits anyway. */
export const INTERRUPT_GRACE_MS = 5000;

export const INTERRUPT_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

let installed = false;

/** Installs the handlers once, for the CLI and the Action (a library caller keeps its own). */
export function exitCleanlyOnInterrupt(write: (line: string) => void): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      write(`mlserver-release: ${signal} received; stopping the notebook and removing temporary files`);
      cleanUpNow();
      void runInterruptCallbacks().finally(() => process.exit(INTERRUPT_EXIT[signal]));
    });
  }
}

export function cleanUpNow(): void {
  for (const pid of runningGroups) killGroup(pid, 'SIGKILL');
  for (const target of leftovers) {
    try {
      rmSync(target, { recursive: true, force: true });
    } catch {
      // best effort: the next publish cleans stale staging folders
    }
  }
  leftovers.clear();
}

/** Runs the registered callbacks at once, each failure ignored, within INTERRUPT_GRACE_MS in all. */
export async function runInterruptCallbacks(): Promise<void> {
  const pending = [...callbacks].map((callback) => callback().catch(() => undefined));
  callbacks.clear();
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, INTERRUPT_GRACE_MS).unref())]);
}
