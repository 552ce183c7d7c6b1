// Stryker runs the acceptance suite once per mutant. The suite is loaded from a frozen root of its
// own (the suite, the spec and a one-variant exercise.yaml), so work in progress elsewhere in the
// repository cannot change what the mutants are judged by.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = `${repo}/.faultline/mutation/root`;
rmSync(root, { recursive: true, force: true });
mkdirSync(`${root}/exercises/inventory-api/candidate`, { recursive: true });
cpSync(`${repo}/exercises/inventory-api/acceptance`, `${root}/exercises/inventory-api/acceptance`, { recursive: true });
cpSync(`${repo}/exercises/inventory-api/candidate/openapi.yaml`, `${root}/exercises/inventory-api/candidate/openapi.yaml`);
writeFileSync(`${root}/package.json`, '{ "private": true }\n');
writeFileSync(
  `${root}/exercises/inventory-api/exercise.yaml`,
  `id: inventory-api
title: Inventory API (acceptance suite only)
activity: api
summary: The acceptance suite, frozen for mutation testing.
package: exercises/inventory-api/reference-node-http
stack: [HTTP]
duration: 2-3 h
service: { build: [node, -e, "0"], prepare: [node, -e, "0"], start: [node, server.mjs], health: /health }
checkSettings: { READ_TOKEN: read-token-0001, EDIT_TOKEN: edit-token-0001 }
functional: acceptance/index.ts
faults: []
`,
);
console.log(`suite frozen under ${root}`);
