import { type LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { ProblemFilter } from './common/problem.filter.js';
import type { AppConfig, LogLevel } from './config/config.js';
import { setupDocs } from './docs/swagger.js';

const NEST_LEVELS: Record<LogLevel, NestLogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

/** The application, configured but not listening: server.ts listens, tests use port 0. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const levels = NEST_LEVELS[config.logLevel];
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    // Bodies are read by BodyReaderMiddleware and parsed after the guard (JsonBodyInterceptor).
    bodyParser: false,
    logger: levels.length > 0 ? levels : false,
  });
  // The API's ETag is the product version; express's automatic body hashes would contradict it.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.useGlobalFilters(new ProblemFilter());
  setupDocs(app);
  return app;
}
