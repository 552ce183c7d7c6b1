// Stock movements: receive, ship, history, stock never negative, concurrent movements counted
// once. Present while any of these acceptance checks fails: every check that is neither a CRUD
// check (express-crud) nor a senior extra (express-senior-extras).
import checks from '../../acceptance/index.js';
import extras from '../../acceptance/extras.hidden.js';
import { capabilityProbe } from '../../capability.js';
import { CRUD_CHECKS } from '../express-crud/probe.js';

const stockChecks = checks.filter((check) => !CRUD_CHECKS.has(check.name) && !extras.includes(check));

export default capabilityProbe('stock-movement', stockChecks);
