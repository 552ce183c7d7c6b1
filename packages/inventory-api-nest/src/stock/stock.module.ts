import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module.js';
import { StockMovementsController } from './stock-movements.controller.js';

@Module({
  imports: [ProductsModule],
  controllers: [StockMovementsController],
})
export class StockModule {}
