// A capability of the reference solution (CRUD, stock movements, the senior extras) is "present"
// while the starter still lacks it: the probe runs the acceptance checks of that capability and
// counts the ones that fail. The planted flaws have probes of their own.
import type { FunctionalCheck, Probe } from '@faultline/kit';

export function capabilityProbe(capability: string, checks: readonly FunctionalCheck[]): Probe {
  return {
    metric: { name: `${capability} checks failing`, unit: `of ${checks.length}`, threshold: 1 },
    timeoutMs: 120_000,
    async run(ctx) {
      const failing: string[] = [];
      for (const check of checks) {
        try {
          await check.run(ctx);
        } catch (error) {
          failing.push(`${check.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
      return {
        value: failing.length,
        evidence: failing.length
          ? `${failing.length} of ${checks.length} ${capability} checks fail, e.g. ${failing.slice(0, 2).join(' | ')}`
          : `all ${checks.length} ${capability} checks pass`,
      };
    },
  };
}
