import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Queryable, rows } from '@app/platform';

/** worker_heartbeat: one row per worker process, its last beat and how many it made. */
@Injectable()
export class HeartbeatRepository {
  constructor(private readonly dataSource: DataSource) {}

  async beat(workerId: string, db: Queryable = this.dataSource): Promise<void> {
    await rows(
      db,
      `INSERT INTO worker_heartbeat (worker_id, beat_at) VALUES ($1, now())
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = now(), beats = worker_heartbeat.beats + 1`,
      [workerId],
    );
  }
}
