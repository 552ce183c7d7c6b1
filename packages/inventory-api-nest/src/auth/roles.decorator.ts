import { SetMetadata } from '@nestjs/common';
import type { Role } from '../config/config.js';

export const ROLES_KEY = 'roles';

/** The roles that may call a route (the spec's `x-required-role`). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
