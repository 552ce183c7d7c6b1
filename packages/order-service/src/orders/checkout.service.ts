import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { insufficientStock, notFound, validationFailed } from '../common/errors.js';
import { CouponsService } from '../coupons/coupons.service.js';
import { CustomersService } from '../customers/customers.service.js';
import { Product } from '../products/product.entity.js';
import { Order } from './order.entity.js';
import { toLineView, toOrderView } from './order.view.js';
import { CreateOrderDto, OrderLineDto, OrderView } from './orders.dto.js';
import { priceOrder } from './pricing.js';

@Injectable()
export class CheckoutService {
  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly customers: CustomersService,
    private readonly coupons: CouponsService,
  ) {}

  async placeOrder(dto: CreateOrderDto): Promise<OrderView> {
    assertDistinctProducts(dto.items);
    await this.customers.get(dto.customerId);

    const products = await this.products.findBy({ id: In(dto.items.map((item) => item.productId)) });
    const byId = new Map(products.map((product) => [product.id, product]));
    const lines = dto.items.map((item) => {
      const product = byId.get(item.productId);
      if (!product) throw notFound('product', item.productId);
      if (product.stock < item.quantity) throw insufficientStock(product.id, item.quantity, product.stock);
      return { product, quantity: item.quantity, unitPriceCents: product.priceCents };
    });

    const coupon = dto.couponCode ? await this.coupons.findActive(dto.couponCode) : undefined;
    const quote = priceOrder(lines, coupon);

    for (const line of lines) line.product.stock -= line.quantity;
    await this.products.save(lines.map((line) => line.product));

    const order = await this.orders.save(
      this.orders.create({
        customerId: dto.customerId,
        couponCode: coupon?.code ?? null,
        ...quote,
        items: lines.map((line) => ({
          productId: line.product.id,
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents,
        })),
      }),
    );
    return toOrderView(
      order,
      lines.map((line) => toLineView({ productId: line.product.id, ...line }, line.product.name)),
    );
  }
}

function assertDistinctProducts(items: OrderLineDto[]): void {
  const seen = new Set<number>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item.productId)) {
      throw validationFailed([{ field: `items.${index}.productId`, message: `product ${item.productId} appears twice; combine the quantities` }]);
    }
    seen.add(item.productId);
  }
}
