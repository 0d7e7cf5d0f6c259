import { ParseUUIDPipe } from '@nestjs/common';
import { DomainException } from '@zhiben/platform';

/** `:id` path parameters: a malformed id is a 400 with a bilingual field error, not a 500 or a 404. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainException.field('id', 'ID 须为合法的 UUID', 'The id must be a UUID'),
});
