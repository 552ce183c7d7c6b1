import { Controller, Get, Post } from '@nestjs/common';
import { Roles } from '../auth/roles.decorator.js';
import { notImplemented } from '../common/problem.js';

@Controller('products/:id/stock-movements')
export class StockMovementsController {
  @Get()
  history(): never {
    throw notImplemented();
  }

  @Post()
  @Roles('editor')
  record(): never {
    throw notImplemented();
  }
}
