import { ERROR_CODES, type ErrorCode, type FieldError } from '@zhiben/contracts';

/**
 * The only exception domain code throws. The global problem filter turns it into an RFC 7807
 * response; `detail` is for developers and logs, the bilingual messages are for people.
 */
export class DomainException extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: {
      detail?: string;
      messageZh?: string;
      messageEn?: string;
      errors?: FieldError[];
    } = {},
  ) {
    super(options.detail ?? options.messageEn ?? ERROR_CODES[code].en);
    this.status = ERROR_CODES[code].status;
  }

  get messageZh(): string {
    return this.options.messageZh ?? ERROR_CODES[this.code].zh;
  }

  get messageEn(): string {
    return this.options.messageEn ?? ERROR_CODES[this.code].en;
  }

  static notFound(what: string, id: string): DomainException {
    return new DomainException('NOT_FOUND', { detail: `${what} ${id} not found` });
  }

  static field(path: string, messageZh: string, messageEn: string, code: ErrorCode = 'VALIDATION_FAILED') {
    return new DomainException(code, {
      detail: `${path}: ${messageEn}`,
      errors: [{ path, messageZh, messageEn }],
    });
  }
}
