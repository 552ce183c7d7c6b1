import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { conflict, notFound } from '../common/errors.js';
import { Customer } from './customer.entity.js';
import { CreateCustomerDto, CustomerView } from './customers.dto.js';

const toView = (c: Customer): CustomerView => ({ id: c.id, name: c.name, email: c.email });

@Injectable()
export class CustomersService {
  constructor(@InjectRepository(Customer) private readonly customers: Repository<Customer>) {}

  async get(id: number): Promise<CustomerView> {
    const customer = await this.customers.findOneBy({ id });
    if (!customer) throw notFound('customer', id);
    return toView(customer);
  }

  async create(dto: CreateCustomerDto): Promise<CustomerView> {
    try {
      return toView(await this.customers.save(this.customers.create({ name: dto.name, email: dto.email.toLowerCase() })));
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw conflict(`a customer with email ${dto.email} already exists`);
      }
      throw error;
    }
  }
}
