#!/usr/bin/env node
// Runs eslint with the shared config, so each package can say `eslint-faultline .` without
// carrying eslint, typescript-eslint and the TypeScript 6 they need as its own dependencies.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const args = ['--config', join(here, '..', 'eslint.config.js'), '--max-warnings=0', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, [eslintBin, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
