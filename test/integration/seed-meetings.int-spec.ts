import { useDemoSeeder } from '../support/demo-seeder';

/** The demo seed's meetings: U4SSC meeting 1 as it happened, one upcoming meeting per group; a second run changes nothing. */
describe('demo seed: meetings', () => {
  const { fx, seed } = useDemoSeeder();

  const snapshot = () =>
    fx.query(
      `SELECT m.id, m.number, m.status, m.version, g.code,
              (SELECT count(*)::int FROM meeting_session s WHERE s.meeting_id = m.id) AS sessions,
              (SELECT count(*)::int FROM agenda_item a WHERE a.meeting_id = m.id) AS items,
              (SELECT count(*)::int FROM decision d WHERE d.meeting_id = m.id) AS decisions
         FROM meeting m JOIN initiative i ON i.id = m.initiative_id LEFT JOIN working_group g ON g.id = m.working_group_id
        WHERE i.slug = 'u4ssc' ORDER BY m.number`,
    );

  it('writes meeting 1 in Geneva, CLOSED, with its agenda, decisions and FINAL minutes, and a meeting per group, idempotently', async () => {
    await seed();
    const first = await snapshot();
    await seed();
    expect(await snapshot()).toEqual(first);
    expect(first.map((r) => [r.number, r.code, r.status, r.sessions, r.items, r.decisions])).toEqual([
      [1, null, 'CLOSED', 2, 8, 4],
      [2, 'WG1', 'ANNOUNCED', 1, 2, 0],
      [3, 'WG2', 'ANNOUNCED', 1, 2, 0],
      [4, 'WG3', 'ANNOUNCED', 1, 2, 0],
    ]);

    const [meeting] = await fx.query<{ id: string; venue: string; time_zone: string }>(
      `SELECT m.id, m.venue, m.time_zone FROM meeting m JOIN initiative i ON i.id = m.initiative_id WHERE i.slug = 'u4ssc' AND m.number = 1`,
    );
    expect(meeting).toMatchObject({ venue: 'ITU headquarters, Rue de Varembé 2, Geneva', time_zone: 'Europe/Zurich' });
    const sessions = await fx.query<{ starts: string; ends: string; local: string }>(
      `SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS starts,
              to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS ends,
              to_char(starts_at AT TIME ZONE 'Europe/Zurich', 'HH24:MI') || '-' || to_char(ends_at AT TIME ZONE 'Europe/Zurich', 'HH24:MI') AS local
         FROM meeting_session WHERE meeting_id = $1 ORDER BY starts_at`,
      [meeting.id],
    );
    expect(sessions).toEqual([
      { starts: '2016-07-21T15:00Z', ends: '2016-07-21T17:00Z', local: '17:00-19:00' },
      { starts: '2016-07-22T07:00Z', ends: '2016-07-22T14:00Z', local: '09:00-16:00' },
    ]);
    const agenda = await fx.query<{ position: number; title: string; tor: boolean; ballot: boolean; plan: string | null }>(
      `SELECT a.position, a.title, a.terms_of_reference_id IS NOT NULL AS tor, a.ballot_id IS NOT NULL AS ballot, g.code AS plan
         FROM agenda_item a LEFT JOIN work_plan p ON p.id = a.work_plan_id LEFT JOIN working_group g ON g.id = p.working_group_id
        WHERE a.meeting_id = $1 ORDER BY a.position`,
      [meeting.id],
    );
    expect(agenda.map((a) => [a.position, a.title, a.tor, a.ballot, a.plan])).toEqual([
      [1, 'Opening of the meeting', false, false, null],
      [2, 'Approval of the structure', false, false, null],
      [3, 'Terms of reference of U4SSC', true, true, null],
      [4, 'Work plan of WG1', false, false, 'WG1'],
      [5, 'Work plan of WG2', false, false, 'WG2'],
      [6, 'Work plan of WG3', false, false, 'WG3'],
      [7, 'The KPIs for smart sustainable cities', false, false, null],
      [8, 'Any other business', false, false, null],
    ]);
    // The KPI item is about the first core KPI of each dimension of the catalogue.
    const kpis = await fx.query<{ code: string }>(
      `SELECT k.code FROM agenda_item_kpi l JOIN kpi k ON k.id = l.kpi_id JOIN agenda_item a ON a.id = l.agenda_item_id
        WHERE a.meeting_id = $1 AND a.position = 7 ORDER BY k.code`,
      [meeting.id],
    );
    expect(kpis.map((k) => k.code.split(':')[0])).toEqual(['EC', 'EN', 'SC']);
    const [{ closedAt }] = await fx.query<{ closedAt: Date }>(`SELECT closed_at AS "closedAt" FROM meeting WHERE id = $1`, [
      meeting.id,
    ]);
    expect(closedAt.toISOString()).toBe('2016-07-22T14:00:00.000Z');
    const decisions = await fx.query<{ number: string; position: number }>(
      `SELECT d.number, a.position FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id WHERE d.meeting_id = $1 ORDER BY d.seq`,
      [meeting.id],
    );
    expect(decisions.map((d) => [d.number, d.position])).toEqual([
      ['U4SSC-1/1', 2],
      ['U4SSC-1/2', 3],
      ['U4SSC-1/3', 4],
      ['U4SSC-1/4', 7],
    ]);
    const [minutes] = await fx.query<{ status: string; approved: boolean }>(
      `SELECT status, approved_by IS NOT NULL AS approved FROM minutes WHERE meeting_id = $1`,
      [meeting.id],
    );
    expect(minutes).toEqual({ status: 'FINAL', approved: true });

    const upcoming = await fx.query<{ future: boolean; links: boolean }>(
      `SELECT s.starts_at > now() AS future, a.work_plan_id IS NOT NULL AS links
         FROM meeting m JOIN initiative i ON i.id = m.initiative_id JOIN meeting_session s ON s.meeting_id = m.id
         JOIN agenda_item a ON a.meeting_id = m.id AND a.position = 1
        WHERE i.slug = 'u4ssc' AND m.working_group_id IS NOT NULL`,
    );
    expect(upcoming).toEqual(Array(3).fill({ future: true, links: true }));
  });
});
