#!/usr/bin/env node
// booking-schema-alternative command line: migrate, load a dataset, serve the RPC surface, or call one method.
import { readConfig } from './config.js';
import { createRpcServer } from './server.js';
import { createBookingStore } from './store/booking-store.js';
import { METHODS, StoreError, type Method } from './store/types.js';

const USAGE = `usage: node dist/cli.js <command>
  migrate               apply every migration to DATABASE_URL
  load DIR              load the neutral dataset in DIR (faultline dataset booking-schema --out DIR)
  serve                 serve POST /rpc/<method> on PORT (default 3000)
  call METHOD [JSON]    call one method with its argument object, print the result
methods: ${METHODS.join(', ')}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (!['migrate', 'load', 'serve', 'call'].includes(command)) {
    process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  const config = readConfig();
  const store = createBookingStore({ connectionString: config.databaseUrl, poolSize: config.poolSize });
  if (command === 'serve') {
    const server = createRpcServer(store);
    server.listen(config.port, '127.0.0.1', () => {
      const address = server.address();
      process.stdout.write(`booking-schema-alternative listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : config.port}\n`);
    });
    const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise(() => undefined);
  }
  try {
    if (command === 'migrate') {
      await store.migrate();
      process.stdout.write('migrated\n');
    } else if (command === 'load') {
      const dir = rest[0];
      if (!dir) {
        process.stderr.write('load needs the dataset folder: node dist/cli.js load DIR\n');
        return 2;
      }
      const started = Date.now();
      const { rows } = await store.load(dir);
      process.stdout.write(`loaded ${Object.entries(rows).map(([file, n]) => `${n} ${file}`).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } else {
      const method = rest[0] as Method | undefined;
      if (!method || !METHODS.includes(method)) {
        process.stderr.write(`call needs a method, one of ${METHODS.join(', ')}\n`);
        return 2;
      }
      let input: unknown;
      try {
        input = JSON.parse(rest[1] ?? '{}');
      } catch (error) {
        process.stderr.write(`the argument object is not JSON: ${(error as Error).message}\n`);
        return 2;
      }
      const call = store[method] as (arg: unknown) => Promise<unknown>;
      process.stdout.write(`${JSON.stringify(await call.call(store, input), null, 2)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof StoreError) {
      process.stderr.write(`refused (${error.code}): ${error.message}\n`);
      return 1;
    }
    const pgError = error as { code?: string; message?: string };
    process.stderr.write(`${command} failed${pgError.code ? ` (SQLSTATE ${pgError.code})` : ''}: ${pgError.message ?? String(error)}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

// Exit as soon as the command is done: idle sockets of the pool must not keep a script waiting.
process.exit(await main(process.argv.slice(2)));
