import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  /** Liveness for the supervisor: no token, no database round trip. */
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
