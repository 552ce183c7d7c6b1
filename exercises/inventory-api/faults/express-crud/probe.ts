// CRUD: list (filters, sorting, pagination), create, read, update and delete, with validation,
// errors and authentication around them. Present while any of these acceptance checks fails.
// They are the checks that need no stock movements and no senior extra: the checks that read a
// product's movement history to prove "nothing changed" belong to express-stock-movements.
import type { FunctionalCheck } from '@faultline/kit';
import checks from '../../acceptance/index.js';
import { capabilityProbe } from '../../capability.js';

export const CRUD_CHECKS: ReadonlySet<string> = new Set([
  'When GET /health is called with or without a token, then it answers 200 {"status":"ok"}',
  'When an editor creates a product, then it answers 201 with the product, its Location and ETag "1"',
  'When a product is read, then it answers 200 with the product as created and its ETag',
  'When a product is patched, then the sent fields change, the others stay, version goes up by 1 and a GET shows the same',
  'When a product is deleted, then it answers 204 with no body and the product is gone',
  'When products are listed with q, then the answer holds the matching products with total, limit 20 and offset 0',
  'When products are listed with sort=-priceCents and limit=2, then the most expensive come first, page by page',
  'When the JSON body is malformed, then it answers 400 malformed-json and nothing is created',
  'When a body is not declared as application/json, then it answers 415 unsupported-media-type and nothing is created',
  'When POST /products has several invalid fields, then it answers 400 validation naming each of them',
  'When limit is outside 1–100, then GET /products answers 400 validation with field "limit"',
  'When a request has no token, then it answers 401 unauthorized with WWW-Authenticate: Bearer',
  'When the token is unknown or the scheme is not Bearer, then it answers 401 unauthorized',
  'When text has surrounding spaces, quotes, markup or non-ASCII characters, then name is trimmed and everything else is stored exactly',
  'When a PATCH sends the current values or clears the description, then version still goes up by exactly 1 each time',
  'When the list has unknown query parameters, then they are ignored',
  'When q is given, then it matches name or SKU as a substring, ignoring letter case',
  'When q contains %, _, \\ or quotes, then they are matched literally and an empty q matches everything',
  'When sorting by name, then names compare by code point and ties go by id ascending in both directions',
  'When sorting by createdAt, then the order follows the returned timestamps with ties by id ascending',
  'When walking the pages, then every match appears exactly once in sort order and an offset past the end gives no items with the same total',
  'When the list is read without limit, offset or sort, then it gives the first 20 matches by name',
  'When a body is within 64 KiB, then it is read normally: 65,536 bytes are accepted and a 60 KiB invalid body is a 400',
  'When sku is missing, not a string or breaks its pattern, then POST /products answers 400 with field /sku; 3 and 32 characters are valid',
  'When name is missing, blank, too long or has control characters, then it answers 400 with field /name; lengths count code points',
  'When description is not a string or null, too long or has control characters, then it answers 400 with field /description',
  'When priceCents is missing, not an integer or out of 0–100000000, then it answers 400 with field /priceCents',
  'When a POST body lacks every field or has several invalid ones, then errors lists each of them',
  'When limit or offset is out of range, not an integer or empty, then GET /products answers 400 naming it',
  'When a price bound or inStock is invalid, or minPriceCents exceeds maxPriceCents, then it answers 400 naming the parameter',
  'When sort is not one of the eight values or q is too long or has control characters, then it answers 400 naming it',
  'When a known query parameter is given twice, then it answers 400 naming it',
  'When the Authorization header is empty, another scheme, a bare token or has anything after the token, then it answers 401 with WWW-Authenticate: Bearer',
  'When a request has no valid token, then it is a 401 whatever else is wrong with it',
  'When X-HTTP-Method-Override is sent with a valid token, then it is ignored: a reader GET stays a GET',
  'When any answer is sent, then it never echoes the token of the request, valid or not',
  'When 20 products with the same new SKU are created at once, then exactly one is created and the others get 409 sku-conflict',
  'When 20 PATCHes without If-Match hit one product at once, then all succeed with distinct versions and version goes up by 20',
]);

function pick(names: ReadonlySet<string>): FunctionalCheck[] {
  const picked = checks.filter((check) => names.has(check.name));
  // A renamed check would silently shrink the subset: say so instead.
  const missing = [...names].filter((name) => !picked.some((check) => check.name === name));
  if (missing.length > 0) throw new Error(`express-crud probe: no acceptance check is named ${JSON.stringify(missing[0])}`);
  return picked;
}

export default capabilityProbe('CRUD', pick(CRUD_CHECKS));
