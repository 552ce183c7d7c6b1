import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { idPipe } from '../common/id.pipe.js';
import { PaginationQuery } from '../common/pagination.dto.js';
import { CreateProductDto, ProductView, UpdateProductDto } from './products.dto.js';
import { ProductsService } from './products.service.js';

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(private readonly productsService: ProductsService) {}

  @Get()
  @ApiOkResponse({ description: 'Products by id, paginated' })
  list(@Query() query: PaginationQuery): Promise<ProductView[]> {
    return this.productsService.list(query.limit, query.offset);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One product' })
  @ApiNotFoundResponse({ description: 'No product with that id' })
  get(@Param('id', idPipe()) id: number): Promise<ProductView> {
    return this.productsService.get(id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The product was added to the catalogue' })
  @ApiConflictResponse({ description: 'The SKU is taken' })
  create(@Body() dto: CreateProductDto): Promise<ProductView> {
    return this.productsService.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'The product after the change (price, name or a stock count)' })
  update(@Param('id', idPipe()) id: number, @Body() dto: UpdateProductDto): Promise<ProductView> {
    return this.productsService.update(id, dto);
  }
}
