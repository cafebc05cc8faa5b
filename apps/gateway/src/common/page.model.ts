import { ApiProperty } from '@nestjs/swagger';

/** The paging members of every paged list (`items` is declared by each concrete page). */
export abstract class PageInfo {
  @ApiProperty({ description: 'The page returned, from 1.', type: 'integer', minimum: 1, example: 1 })
  page!: number;

  @ApiProperty({ description: 'The page size asked for (the last page may hold fewer items).', type: 'integer', minimum: 1, maximum: 200, example: 50 })
  pageSize!: number;

  @ApiProperty({ description: 'How many items match, over all pages.', type: 'integer', minimum: 0, example: 1 })
  total!: number;
}
