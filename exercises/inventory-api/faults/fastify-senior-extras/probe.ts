// fastify-senior-extras is "present" while If-Match on PATCH and Idempotency-Key on stock
// movements are missing: runs the acceptance checks of R17, R18, R28, R29 and R40.
// The names were chosen so that the fault matrix holds: each subset passes once its fix and the
// fixes it requires are applied, and fails before. A name is a check's name or its beginning.
import { capabilityProbe } from '../../capability.js';
import checks from '../../acceptance/index.js';

const NAMES: readonly string[] = [
  "When 20 PATCHes carry the current ETag at once, then exactly one wins and the others get 412",
  "When 20 identical movements with one Idempotency-Key arrive at once, then one is recorded and the others replay it",
  "When Idempotency-Key is empty, longer than 100 characters or not printable ASCII, then it answers 400 with field Idempotency-Key and nothing is recorded",
  "When If-Match is stale, weak or unquoted, then the PATCH answers 412 precondition-failed and nothing changes",
  "When a movement is repeated with the same Idempotency-Key and an equal body, then the original answer is replayed and nothing is applied twice",
  "When a refused ship is repeated with its Idempotency-Key after goods arrive, then the 409 is replayed",
  "When an Idempotency-Key is reused with another body or product, then it answers 422 idempotency-conflict and the original stays replayable",
];

const selected = checks.filter((check) => NAMES.some((name) => check.name === name || check.name.startsWith(name)));
if (selected.length !== NAMES.length) throw new Error(`fastify-senior-extras probe: ${NAMES.length} checks named, ${selected.length} found in the acceptance suite`);

export default capabilityProbe('senior extras', selected);
