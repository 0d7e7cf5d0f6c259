import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal } from '@zhiben/auth';
import { listListingsQuerySchema, type ListListingsQuery } from '@zhiben/contracts';
import { ZodPipe } from '@zhiben/platform';
import { BearerToken } from '../bearer-token.decorator';
import { uuidPipe } from '../uuid.pipe';
import { ListingsService } from './listings.service';

@ApiTags('listings 挂牌督办')
@ApiBearerAuth()
@Controller('listings')
export class ListingsController {
  constructor(private readonly listings: ListingsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The 挂牌督办 board: listed hazards with authority, deadline, status, overdue' })
  list(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Query(new ZodPipe(listListingsQuerySchema)) q: ListListingsQuery,
  ) {
    return this.listings.list(user, token, q);
  }

  @Get(':id')
  @Authenticated()
  get(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.listings.get(user, token, id);
  }
}
