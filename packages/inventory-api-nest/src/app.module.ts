import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard.js';
import { BodyReaderMiddleware } from './common/body-reader.middleware.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { ProductsController } from './products/products.controller.js';
import { ProductsModule } from './products/products.module.js';
import { StockMovementsController } from './stock/stock-movements.controller.js';
import { StockModule } from './stock/stock.module.js';

@Module({})
export class AppModule implements NestModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [DatabaseModule.forUrl(config.databaseUrl), HealthModule, ProductsModule, StockModule],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(BodyReaderMiddleware).forRoutes(ProductsController, StockMovementsController);
  }
}
