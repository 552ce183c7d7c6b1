import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class CreateProductDto {
  @ApiProperty({ example: 'SKU-90001' })
  @IsString()
  @Length(1, 64)
  sku: string;

  @ApiProperty({ example: 'Gooseneck kettle' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ description: 'Unit price in cents', example: 2600 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents: number;

  @ApiProperty({ description: 'Units on hand', example: 25 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  stock: number;
}

export class UpdateProductDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Unit price in cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents?: number;

  @ApiPropertyOptional({ description: 'Units on hand' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  stock?: number;
}

export interface ProductView {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
}
