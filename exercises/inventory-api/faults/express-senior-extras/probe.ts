// The senior extras: ETag / If-Match on PATCH (R17, R28, R54) and Idempotency-Key on stock
// movements (R18, R29, R55). Present while any of their acceptance checks fails.
import extras from '../../acceptance/extras.hidden.js';
import { capabilityProbe } from '../../capability.js';

export default capabilityProbe('senior-extra', extras);
