import { DataSource, type DataSourceOptions } from 'typeorm';
import { Coupon } from '../coupons/coupon.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { OrderItem } from '../orders/order-item.entity.js';
import { Order } from '../orders/order.entity.js';
import { Product } from '../products/product.entity.js';
import { InitialSchema1733300000000 } from './migrations/1733300000000-initial-schema.js';

export const entities = [Customer, Product, Coupon, Order, OrderItem];
export const migrations = [InitialSchema1733300000000];

export function dataSourceOptions(databaseUrl: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize },
  };
}

export function createDataSource(databaseUrl: string, poolSize = 2): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, poolSize));
}
