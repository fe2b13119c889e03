import type { EntityManager } from 'typeorm';

/**
 * Records the INVITATION notification of a registration, inside the registration's
 * transaction. The identity library sends the e-mail itself (it carries the one-time token),
 * so the row is stored as already e-mailed. Once per person and initiative.
 */
export async function recordInvitationNotification(
  manager: Pick<EntityManager, 'query'>,
  personId: string,
  initiativeId: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO notification (person_id, kind, subject_id, initiative_id, title, body, details, emailed_at)
     SELECT $1, 'INVITATION', n.id, n.id, 'Invitation to ' || n.name,
            'You have been registered in ' || n.name || '. Check your e-mail for the link to choose your password.',
            jsonb_build_object('initiativeName', n.name), now()
       FROM initiative n WHERE n.id = $2
     ON CONFLICT ON CONSTRAINT notification_once DO NOTHING`,
    [personId, initiativeId],
  );
}

/**
 * Records INVITATION notifications for invitations issued recently by the identity library
 * (which sends the e-mail itself), so registration needs no call into this library. Run by
 * the outbox drain (last 10 minutes) and by reconciliation (last 7 days); idempotent thanks
 * to the notification's unique key.
 */
export async function recordRecentInvitations(db: Pick<EntityManager, 'query'>, withinMinutes = 10): Promise<void> {
  await db.query(
    `INSERT INTO notification (person_id, kind, subject_id, initiative_id, title, body, details, emailed_at, created_at)
     SELECT DISTINCT ON (i.person_id, i.initiative_id) i.person_id, 'INVITATION', n.id, n.id, 'Invitation to ' || n.name,
            'You have been registered in ' || n.name || '. Check your e-mail for the link to choose your password.',
            jsonb_build_object('initiativeName', n.name), i.created_at, i.created_at
       FROM invitation i JOIN initiative n ON n.id = i.initiative_id
      WHERE i.created_at > now() - make_interval(mins => $1)
      ORDER BY i.person_id, i.initiative_id, i.created_at
     ON CONFLICT ON CONSTRAINT notification_once DO NOTHING`,
    [withinMinutes],
  );
}
