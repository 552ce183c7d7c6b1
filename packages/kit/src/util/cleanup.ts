/**
 * Everything the kit starts (postgres, services, temp folders) registers its teardown here, so
 * that Ctrl-C, SIGTERM, an uncaught error or a normal exit all leave nothing running.
 * SIGKILL cannot be caught: the pidfile reaper handles that at the next start.
 */
type Teardown = () => Promise<void> | void;

const teardowns = new Map<number, { label: string; run: Teardown }>();
let nextId = 1;
let installed = false;
let exiting = false;

export function onCleanup(label: string, run: Teardown): () => void {
  installHandlers();
  const id = nextId++;
  teardowns.set(id, { label, run });
  return () => {
    teardowns.delete(id);
  };
}

export async function runCleanups(): Promise<void> {
  const pending = [...teardowns.values()].reverse();
  teardowns.clear();
  for (const { label, run } of pending) {
    try {
      await run();
    } catch (error) {
      process.stderr.write(`faultline: cleanup of ${label} failed: ${String(error)}\n`);
    }
  }
}

/** Cleans up, then exits with the code; use instead of process.exit everywhere in the CLI. */
export async function exitAfterCleanup(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await runCleanups();
  }
  process.exit(code);
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    process.on(signal, () => {
      if (exiting) return;
      process.stderr.write(`\nfaultline: ${signal} received, stopping everything it started…\n`);
      void exitAfterCleanup(code);
    });
  };
  onSignal('SIGINT', 130);
  onSignal('SIGTERM', 143);
  onSignal('SIGHUP', 129);
  process.on('uncaughtException', (error) => {
    process.stderr.write(`faultline: internal error: ${error.stack ?? error.message}\n`);
    void exitAfterCleanup(2);
  });
  process.on('unhandledRejection', (error) => {
    process.stderr.write(`faultline: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    void exitAfterCleanup(2);
  });
}
