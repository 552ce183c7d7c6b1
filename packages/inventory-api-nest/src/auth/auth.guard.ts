import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig, type Role } from '../config/config.js';
import { ProblemException } from '../common/problem.js';
import { authenticate } from './bearer.js';
import { ROLES_KEY } from './roles.decorator.js';

/** Registered globally (APP_GUARD): runs before the body is parsed and before any pipe. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const role = authenticate(this.config.tokens, request.headers.authorization);
    if (!roles.includes(role)) throw new ProblemException('forbidden', `This operation requires the ${roles.join(' or ')} role.`);
    return true;
  }
}
