import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { idPipe } from '../common/id.pipe.js';
import { CreateCustomerDto, CustomerView } from './customers.dto.js';
import { CustomersService } from './customers.service.js';

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly customersService: CustomersService) {}

  @Get(':id')
  @ApiOkResponse({ description: 'One customer' })
  @ApiNotFoundResponse({ description: 'No customer with that id' })
  get(@Param('id', idPipe()) id: number): Promise<CustomerView> {
    return this.customersService.get(id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The customer was registered' })
  @ApiConflictResponse({ description: 'The email is taken' })
  create(@Body() dto: CreateCustomerDto): Promise<CustomerView> {
    return this.customersService.create(dto);
  }
}
