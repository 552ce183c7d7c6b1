/**
 * A problem the user can fix (wrong flag, unknown exercise, missing folder) or an infrastructure
 * failure (a target that does not build or start). Both end the command with exit code 2 and a
 * one-line message that says what to do.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export class InfrastructureError extends Error {
  override name = 'InfrastructureError';
  constructor(
    message: string,
    readonly logTail?: string,
  ) {
    super(message);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
