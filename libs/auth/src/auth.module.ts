import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { TokenVerifier, type TokenVerifierOptions } from './token.verifier';

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: TokenVerifierOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(options) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
