// The inventory-api acceptance suite: black-box over HTTP, base URL and tokens from the kit.
// Visible checks ship to candidates; `hidden: true` ones stay with interviewers.
import type { FunctionalCheck } from '@faultline/kit';
import visible from './visible.js';
import authHidden from './auth.hidden.js';
import concurrencyHidden from './concurrency.hidden.js';
import errorsHidden from './errors.hidden.js';
import extrasHidden from './extras.hidden.js';
import fuzzHidden from './fuzz.hidden.js';
import listingHidden from './listing.hidden.js';
import productsHidden from './products.hidden.js';
import stockHidden from './stock.hidden.js';
import validationQueryHidden from './validation-query.hidden.js';
import validationHidden from './validation.hidden.js';

const checks: FunctionalCheck[] = [
  ...visible,
  ...productsHidden,
  ...listingHidden,
  ...stockHidden,
  ...errorsHidden,
  ...validationHidden,
  ...validationQueryHidden,
  ...authHidden,
  ...concurrencyHidden,
  ...extrasHidden,
  ...fuzzHidden,
];

export default checks;
