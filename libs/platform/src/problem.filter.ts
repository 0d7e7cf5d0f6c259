import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ERROR_CODES, type ErrorCode, type Problem } from '@zhiben/contracts';
import type { Request, Response } from 'express';
import { currentCorrelationId } from './correlation';
import { DomainException } from './domain.exception';

function statusToCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'BODY_TOO_LARGE';
    case 503:
      return 'UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}

/** Maps every error to an RFC 7807 problem with bilingual messages and the correlation id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const problem = this.toProblem(exception, req);
    if (problem.status >= 500) {
      this.logger.error(
        { msg: 'unhandled error', path: req.path, error: String(exception) },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  toProblem(exception: unknown, req: Pick<Request, 'path'>): Problem {
    const correlationId = currentCorrelationId();
    if (exception instanceof DomainException) {
      return {
        type: `urn:zhiben:error:${exception.code}`,
        title: ERROR_CODES[exception.code].en,
        status: exception.status,
        code: exception.code,
        detail: exception.options.detail,
        messageZh: exception.messageZh,
        messageEn: exception.messageEn,
        errors: exception.options.errors,
        correlationId,
      };
    }
    // body-parser errors (malformed JSON, oversized bodies) arrive as plain errors with a status.
    const raw = exception as { status?: number; type?: string; message?: string };
    let status = 500;
    let detail: string | undefined;
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      detail = exception.message;
      if (status === 400 && /JSON/.test(detail)) detail = `Malformed JSON body: ${detail}`;
    } else if (typeof raw?.status === 'number' && raw.status >= 400 && raw.status < 500) {
      status = raw.status;
      detail = raw.type === 'entity.parse.failed' ? 'Malformed JSON body' : raw.message;
    }
    if (raw?.type === 'entity.too.large') {
      // Reported as a 400 like every other bad input, with the limit in the field message.
      return {
        type: 'urn:zhiben:error:BODY_TOO_LARGE',
        title: ERROR_CODES.BODY_TOO_LARGE.en,
        status: ERROR_CODES.BODY_TOO_LARGE.status,
        code: 'BODY_TOO_LARGE',
        detail: raw.message,
        messageZh: ERROR_CODES.BODY_TOO_LARGE.zh,
        messageEn: ERROR_CODES.BODY_TOO_LARGE.en,
        errors: [
          {
            path: '(body)',
            messageZh: `请求体超过上限（${String((raw as { limit?: number }).limit ?? '')} 字节）`,
            messageEn: `Request body exceeds the limit (${String((raw as { limit?: number }).limit ?? '')} bytes)`,
          },
        ],
        correlationId,
      };
    }
    const code = statusToCode(status);
    // Nest rewraps body-parser's SyntaxError as a BadRequestException, losing its `type`.
    const isJson =
      raw?.type === 'entity.parse.failed' ||
      (exception instanceof HttpException && status === 400 && /JSON/.test(exception.message));
    return {
      type: `urn:zhiben:error:${code}`,
      title: ERROR_CODES[code].en,
      status,
      code,
      detail: status >= 500 ? undefined : (detail ?? req.path),
      messageZh: isJson ? '请求体不是合法的 JSON' : ERROR_CODES[code].zh,
      messageEn: isJson ? 'The request body is not valid JSON' : ERROR_CODES[code].en,
      correlationId,
    };
  }
}
