import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { idPipe } from '../common/id.pipe.js';
import { CheckoutService } from './checkout.service.js';
import { CreateOrderDto, ListOrdersQuery, OrderView } from './orders.dto.js';
import { OrdersService } from './orders.service.js';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly ordersService: OrdersService,
    private readonly checkoutService: CheckoutService,
  ) {}

  @Get()
  @ApiOkResponse({ description: "A customer's orders, newest first, with their lines" })
  @ApiNotFoundResponse({ description: 'No customer with that id' })
  list(@Query() query: ListOrdersQuery): Promise<OrderView[]> {
    return this.ordersService.listForCustomer(query.customerId, query.limit, query.offset);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One order with its lines' })
  @ApiNotFoundResponse({ description: 'No order with that id' })
  get(@Param('id', idPipe()) id: number): Promise<OrderView> {
    return this.ordersService.get(id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The order was placed and its stock reserved' })
  @ApiNotFoundResponse({ description: 'Unknown customer or product' })
  @ApiConflictResponse({ description: 'Not enough stock for a line' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or inactive coupon' })
  create(@Body() dto: CreateOrderDto): Promise<OrderView> {
    return this.checkoutService.placeOrder(dto);
  }
}
