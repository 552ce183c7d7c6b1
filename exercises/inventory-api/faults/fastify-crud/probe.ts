// fastify-crud is "present" while list/create/update/delete of products are missing: runs the
// acceptance checks that need them and nothing of stock movements or the senior extras.
// The names were chosen so that the fault matrix holds: each subset passes once its fix and the
// fixes it requires are applied, and fails before. A name is a check's name or its beginning.
import { capabilityProbe } from '../../capability.js';
import checks from '../../acceptance/index.js';

const NAMES: readonly string[] = [
  "When 20 PATCHes without If-Match hit one product at once, then all succeed with distinct versions and version goes up by 20",
  "When 20 products with the same new SKU are created at once, then exactly one is created and the others get 409 sku-conflict",
  "When If-Match holds the current ETag, *, or a list containing it, then the PATCH is applied; without If-Match it is unconditional",
  "When POST /products has several invalid fields, then it answers 400 validation naming each of them",
  "When X-HTTP-Method-Override is sent with a valid token, then it is ignored",
  "When a PATCH sends the current values or clears the description, then version still goes up by exactly 1 each time",
  "When a POST body lacks every field or has several invalid ones, then errors lists each of them",
  "When a body is not declared as application/json, then it answers 415 unsupported-media-type and nothing is created",
  "When a body is within 64 KiB, then it is read normally",
  "When a known query parameter is given twice, then it answers 400 naming it",
  "When a price bound or inStock is invalid, or minPriceCents exceeds maxPriceCents, then it answers 400 naming the parameter",
  "When a product is deleted, then it answers 204 with no body and the product is gone",
  "When a product is patched, then the sent fields change, the others stay, version goes up by 1 and a GET shows the same",
  "When a product is read, then it answers 200 with the product as created and its ETag",
  "When a request has no token, then it answers 401 unauthorized with WWW-Authenticate",
  "When an editor creates a product, then it answers 201 with the product, its Location and ETag \"1\"",
  "When any answer is sent, then it never echoes the token of the request, valid or not",
  "When description is not a string or null, too long or has control characters, then it answers 400 with field /description",
  "When limit is outside 1–100, then GET /products answers 400 validation with field \"limit\"",
  "When limit or offset is out of range, not an integer or empty, then GET /products answers 400 naming it",
  "When name is missing, blank, too long or has control characters, then it answers 400 with field /name; lengths count code points",
  "When priceCents is missing, not an integer or out of 0–100000000, then it answers 400 with field /priceCents",
  "When products are listed with q, then the answer holds the matching products with total, limit 20 and offset 0",
  "When products are listed with sort=-priceCents and limit=2, then the most expensive come first, page by page",
  "When q contains %, _, \\ or quotes, then they are matched literally and an empty q matches everything",
  "When q is given, then it matches name or SKU as a substring, ignoring letter case",
  "When sku is missing, not a string or breaks its pattern, then POST /products answers 400 with field /sku; 3 and 32 characters are valid",
  "When sort is not one of the eight values or q is too long or has control characters, then it answers 400 naming it",
  "When sorting by createdAt, then the order follows the returned timestamps with ties by id ascending",
  "When sorting by name, then names compare by code point and ties go by id ascending in both directions",
  "When text has surrounding spaces, quotes, markup or non-ASCII characters, then name is trimmed and everything else is stored exactly",
  "When the Authorization header is empty, another scheme, a bare token or has anything after the token, then it answers 401 with WWW-Authenticate",
  "When the JSON body is malformed, then it answers 400 malformed-json and nothing is created",
  "When the list has unknown query parameters, then they are ignored",
  "When the list is read without limit, offset or sort, then it gives the first 20 matches by name",
  "When walking the pages, then every match appears exactly once in sort order and an offset past the end gives no items with the same total",
];

const selected = checks.filter((check) => NAMES.some((name) => check.name === name || check.name.startsWith(name)));
if (selected.length !== NAMES.length) throw new Error(`fastify-crud probe: ${NAMES.length} checks named, ${selected.length} found in the acceptance suite`);

export default capabilityProbe('CRUD', selected);
