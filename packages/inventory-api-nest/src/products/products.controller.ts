import { Controller, Delete, Get, Param, Patch, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator.js';
import { IdPipe } from '../common/id.pipe.js';
import { notImplemented } from '../common/problem.js';
import { etagOf, type Product } from './product.js';
import { ProductsService } from './products.service.js';

@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  list(): never {
    throw notImplemented();
  }

  @Post()
  @Roles('editor')
  create(): never {
    throw notImplemented();
  }

  /** The worked example: the id pipe, the service, the ETag header, problems for 400/401/404. */
  @Get(':id')
  async read(@Param('id', IdPipe) id: number, @Res({ passthrough: true }) response: Response): Promise<Product> {
    const product = await this.products.get(id);
    response.setHeader('ETag', etagOf(product));
    return product;
  }

  @Patch(':id')
  @Roles('editor')
  update(): never {
    throw notImplemented();
  }

  @Delete(':id')
  @Roles('editor')
  remove(): never {
    throw notImplemented();
  }
}
