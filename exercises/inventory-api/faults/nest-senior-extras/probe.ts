// The acceptance checks of one capability of the reference: ETag/If-Match and Idempotency-Key (the senior extras).
// Chosen by name so the fault matrix holds: the base API passes them only with the extras in place.
// A name the suite no longer has fails loudly instead of shrinking the subset.
import type { FunctionalCheck } from '@faultline/kit';
import extrasHidden from '../../acceptance/extras.hidden.js';
import { capabilityProbe } from '../../capability.js';

const NAMES: ReadonlyArray<[readonly FunctionalCheck[], string]> = [
  [extrasHidden, 'When If-Match is stale, weak or unquoted, then the PATCH answers 412 precondition-failed and nothing changes'],
  [extrasHidden, 'When 20 PATCHes carry the current ETag at once, then exactly one wins and the others get 412'],
  [extrasHidden, 'When a movement is repeated with the same Idempotency-Key and an equal body, then the original answer is replayed and nothing is applied twice'],
  [extrasHidden, 'When a refused ship is repeated with its Idempotency-Key after goods arrive, then the 409 is replayed'],
  [extrasHidden, 'When an Idempotency-Key is reused with another body or product, then it answers 422 idempotency-conflict and the original stays replayable'],
  [extrasHidden, 'When Idempotency-Key is empty, longer than 100 characters or not printable ASCII, then it answers 400 with field Idempotency-Key and nothing is recorded'],
  [extrasHidden, 'When 20 identical movements with one Idempotency-Key arrive at once, then one is recorded and the others replay it'],
];

function pick(entries: typeof NAMES): FunctionalCheck[] {
  return entries.map(([checks, name]) => {
    const check = checks.find((c) => c.name === name);
    if (!check) throw new Error(`nest-senior-extras probe: the acceptance suite has no check named "${name}"`);
    return check;
  });
}

export default capabilityProbe('senior-extras', pick(NAMES));
