import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { CustomersModule } from './customers/customers.module.js';
import { HttpMetricsMiddleware } from './observability/http-metrics.middleware.js';
import { ObservabilityController } from './observability/observability.controller.js';
import { OrdersModule } from './orders/orders.module.js';
import { ProductsModule } from './products/products.module.js';

export class AppModule implements NestModule {
  static forConfig(config: AppConfig) {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.dbPoolSize)),
        ProductsModule,
        CustomersModule,
        OrdersModule,
      ],
      controllers: [ObservabilityController],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}

// Nest needs the class decorated to treat it as a module; the dynamic form above adds the rest.
Module({})(AppModule);
