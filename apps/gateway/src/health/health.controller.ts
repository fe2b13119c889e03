import { Controller, Get, HttpCode, HttpException, HttpStatus, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, one, redisOptionsFromUrl } from '@app/platform';

type Check = 'up' | 'down';

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/**
 * Liveness (the process answers) and readiness (PostgreSQL and Redis answer within 2 s).
 * Readiness recovers by itself: pg and ioredis reconnect on their own.
 */
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    // A separate client that fails fast while Redis is down instead of queueing commands.
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.REDIS_URL),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    this.redis.on('error', () => undefined);
    this.redis.connect().catch(() => undefined);
  }

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const [postgres, redis] = await Promise.all([
      this.check(() => one(this.dataSource, 'SELECT 1')),
      this.check(() => this.redis.ping()),
    ]);
    const checks = { postgres, redis };
    const failing = Object.entries(checks)
      .filter(([, state]) => state === 'down')
      .map(([name]) => name);
    if (failing.length) {
      throw new HttpException({ status: 'unavailable', failing, checks }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', checks };
  }

  private async check(probe: () => Promise<unknown>): Promise<Check> {
    try {
      await withTimeout(probe(), 2000);
      return 'up';
    } catch {
      return 'down';
    }
  }

  onModuleDestroy() {
    this.redis.disconnect();
  }
}
