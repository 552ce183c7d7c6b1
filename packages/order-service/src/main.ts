import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { createValidationPipe } from './common/validation.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger, PinoNestLogger } from './observability/logger.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: true,
  });
  app.useBodyParser('json', { limit: '100kb' });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Order service')
      .setDescription('Catalogue, customers, checkout and order history. Amounts are integer cents.')
      .setVersion('1.4.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);

  await app.listen(config.port, config.host);
  logger.info({ url: `http://${config.host}:${config.port}`, docs: `http://${config.host}:${config.port}/docs` }, 'order service listening');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `config error: ${error.message}` : error);
  process.exit(1);
});
