import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponsModule } from '../coupons/coupons.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { Product } from '../products/product.entity.js';
import { CheckoutService } from './checkout.service.js';
import { OrderItem } from './order-item.entity.js';
import { Order } from './order.entity.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Order, OrderItem, Product]), CustomersModule, CouponsModule],
  controllers: [OrdersController],
  providers: [OrdersService, CheckoutService],
})
export class OrdersModule {}
