import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What meetings' notifications and agenda KPI links need (issue 15):
 * - `meeting.calendar_sequence`: the iCalendar SEQUENCE of the invitation its invitees hold
 *   (0 when announced, + 1 for each update or cancellation they are told of), so calendar
 *   applications replace the events they imported instead of adding new ones;
 * - `meeting.closed_at`: when the meeting closed (MINUTES_MISSING is due 10 days later);
 *   meetings closed before this migration take their last session's end;
 * - `agenda_item_kpi`: the KPIs an agenda item is about (KPIs of the meeting's initiative,
 *   checked by the service through the kpis library).
 */
export class MeetingNotifications1790000035000 implements MigrationInterface {
  name = 'MeetingNotifications1790000035000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE meeting
        ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0 CHECK (calendar_sequence >= 0),
        ADD COLUMN closed_at timestamptz`);
    await q.query(`
      UPDATE meeting m SET closed_at = (SELECT max(ends_at) FROM meeting_session s WHERE s.meeting_id = m.id)
       WHERE m.status = 'CLOSED'`);
    await q.query(`
      CREATE TABLE agenda_item_kpi (
        agenda_item_id uuid NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
        kpi_id         uuid NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
        PRIMARY KEY (agenda_item_id, kpi_id)
      )`);
    await q.query(`CREATE INDEX agenda_item_kpi_kpi_idx ON agenda_item_kpi (kpi_id)`);
    await q.query(
      `CREATE TRIGGER agenda_item_kpi_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agenda_item_kpi
         FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agenda_item_kpi`);
    await q.query(`ALTER TABLE meeting DROP COLUMN calendar_sequence, DROP COLUMN closed_at`);
  }
}
