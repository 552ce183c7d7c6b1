import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1733300000000 implements MigrationInterface {
  name = 'InitialSchema1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customers (
        id serial PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE products (
        id serial PRIMARY KEY,
        sku text NOT NULL UNIQUE,
        name text NOT NULL,
        price_cents integer NOT NULL CHECK (price_cents >= 0),
        stock integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE coupons (
        code text PRIMARY KEY,
        percent_off integer NOT NULL CHECK (percent_off BETWEEN 1 AND 100),
        min_subtotal_cents integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true
      );
      CREATE TABLE orders (
        id serial PRIMARY KEY,
        customer_id integer NOT NULL REFERENCES customers(id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'placed',
        coupon_code text REFERENCES coupons(code),
        subtotal_cents integer NOT NULL,
        discount_cents integer NOT NULL,
        shipping_cents integer NOT NULL,
        total_cents integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
      CREATE TABLE order_items (
        id serial PRIMARY KEY,
        order_id integer NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        product_id integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_cents integer NOT NULL
      );
      CREATE INDEX order_items_order_id_idx ON order_items (order_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE order_items, orders, coupons, products, customers');
  }
}
