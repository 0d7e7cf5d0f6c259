import type { PipeTransform } from '@nestjs/common';
import { DomainException } from '@zhiben/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids must be UUIDs; anything else is a 400 naming the parameter. */
export const uuidPipe: PipeTransform<string, string> = {
  transform(value: string) {
    if (!UUID.test(value)) {
      throw DomainException.field('id', '编号必须是合法的 UUID', 'id must be a UUID');
    }
    return value.toLowerCase();
  },
};
