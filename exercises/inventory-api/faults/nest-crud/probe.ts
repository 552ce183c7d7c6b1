// The acceptance checks of one capability of the reference: products: create, read, update, delete, list with filters, sorting and pagination, their validation and auth.
// Chosen by name so the fault matrix holds: they need no stock movements, so they pass once CRUD is in and fail on the starter (501).
// A name the suite no longer has fails loudly instead of shrinking the subset.
import type { FunctionalCheck } from '@faultline/kit';
import authHidden from '../../acceptance/auth.hidden.js';
import authVisible from '../../acceptance/auth.visible.js';
import concurrencyHidden from '../../acceptance/concurrency.hidden.js';
import errorsHidden from '../../acceptance/errors.hidden.js';
import errorsVisible from '../../acceptance/errors.visible.js';
import extrasHidden from '../../acceptance/extras.hidden.js';
import listingHidden from '../../acceptance/listing.hidden.js';
import productsHidden from '../../acceptance/products.hidden.js';
import productsVisible from '../../acceptance/products.visible.js';
import validationQueryHidden from '../../acceptance/validation-query.hidden.js';
import validationHidden from '../../acceptance/validation.hidden.js';
import validationVisible from '../../acceptance/validation.visible.js';
import { capabilityProbe } from '../../capability.js';

const NAMES: ReadonlyArray<[readonly FunctionalCheck[], string]> = [
  [authHidden, 'When the Authorization header is empty, another scheme, a bare token or has anything after the token, then it answers 401 with WWW-Authenticate: Bearer'],
  [authHidden, 'When X-HTTP-Method-Override is sent with a valid token, then it is ignored: a reader GET stays a GET'],
  [authHidden, 'When any answer is sent, then it never echoes the token of the request, valid or not'],
  [authVisible, 'When a request has no token, then it answers 401 unauthorized with WWW-Authenticate: Bearer'],
  [concurrencyHidden, 'When 20 products with the same new SKU are created at once, then exactly one is created and the others get 409 sku-conflict'],
  [concurrencyHidden, 'When 20 PATCHes without If-Match hit one product at once, then all succeed with distinct versions and version goes up by 20'],
  [errorsHidden, 'When a body is within 64 KiB, then it is read normally: 65,536 bytes are accepted and a 60 KiB invalid body is a 400'],
  [errorsVisible, 'When the JSON body is malformed, then it answers 400 malformed-json and nothing is created'],
  [errorsVisible, 'When a body is not declared as application/json, then it answers 415 unsupported-media-type and nothing is created'],
  [extrasHidden, 'When If-Match holds the current ETag, *, or a list containing it, then the PATCH is applied; without If-Match it is unconditional'],
  [listingHidden, 'When q is given, then it matches name or SKU as a substring, ignoring letter case'],
  [listingHidden, 'When q contains %, _, \\ or quotes, then they are matched literally and an empty q matches everything'],
  [listingHidden, 'When sorting by name, then names compare by code point and ties go by id ascending in both directions'],
  [listingHidden, 'When sorting by createdAt, then the order follows the returned timestamps with ties by id ascending'],
  [listingHidden, 'When walking the pages, then every match appears exactly once in sort order and an offset past the end gives no items with the same total'],
  [listingHidden, 'When the list is read without limit, offset or sort, then it gives the first 20 matches by name'],
  [productsHidden, 'When text has surrounding spaces, quotes, markup or non-ASCII characters, then name is trimmed and everything else is stored exactly'],
  [productsHidden, 'When a PATCH sends the current values or clears the description, then version still goes up by exactly 1 each time'],
  [productsHidden, 'When the list has unknown query parameters, then they are ignored'],
  [productsVisible, 'When an editor creates a product, then it answers 201 with the product, its Location and ETag "1"'],
  [productsVisible, 'When a product is read, then it answers 200 with the product as created and its ETag'],
  [productsVisible, 'When a product is patched, then the sent fields change, the others stay, version goes up by 1 and a GET shows the same'],
  [productsVisible, 'When a product is deleted, then it answers 204 with no body and the product is gone'],
  [productsVisible, 'When products are listed with q, then the answer holds the matching products with total, limit 20 and offset 0'],
  [productsVisible, 'When products are listed with sort=-priceCents and limit=2, then the most expensive come first, page by page'],
  [validationQueryHidden, 'When limit or offset is out of range, not an integer or empty, then GET /products answers 400 naming it'],
  [validationQueryHidden, 'When a price bound or inStock is invalid, or minPriceCents exceeds maxPriceCents, then it answers 400 naming the parameter'],
  [validationQueryHidden, 'When sort is not one of the eight values or q is too long or has control characters, then it answers 400 naming it'],
  [validationQueryHidden, 'When a known query parameter is given twice, then it answers 400 naming it'],
  [validationHidden, 'When sku is missing, not a string or breaks its pattern, then POST /products answers 400 with field /sku; 3 and 32 characters are valid'],
  [validationHidden, 'When name is missing, blank, too long or has control characters, then it answers 400 with field /name; lengths count code points'],
  [validationHidden, 'When description is not a string or null, too long or has control characters, then it answers 400 with field /description'],
  [validationHidden, 'When priceCents is missing, not an integer or out of 0–100000000, then it answers 400 with field /priceCents'],
  [validationHidden, 'When a POST body lacks every field or has several invalid ones, then errors lists each of them'],
  [validationVisible, 'When POST /products has several invalid fields, then it answers 400 validation naming each of them'],
  [validationVisible, 'When limit is outside 1–100, then GET /products answers 400 validation with field "limit"'],
];

function pick(entries: typeof NAMES): FunctionalCheck[] {
  return entries.map(([checks, name]) => {
    const check = checks.find((c) => c.name === name);
    if (!check) throw new Error(`nest-crud probe: the acceptance suite has no check named "${name}"`);
    return check;
  });
}

export default capabilityProbe('crud', pick(NAMES));
