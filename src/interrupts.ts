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
      process.exit(INTERRUPT_EXIT[signal]);
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
