import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  of: 'Mandat de {{owner}}',
  status: 'Statut',
  statuses: { DRAFT: 'Brouillon', UNDER_BALLOT: 'Soumis au vote', APPROVED: 'Approuvé', REJECTED: 'Rejeté' },
  current: 'Version actuelle : {{number}}',
  approved: 'Version en vigueur : {{number}}',
  noApproved: 'Aucune version n’a encore été approuvée par un scrutin.',
  versions: 'Versions',
  versionLine: 'Version {{number}} par {{author}}',
  hash: 'sha256',
  compare: {
    title: 'Comparer des versions',
    from: 'De la version',
    to: 'À la version',
    submit: 'Comparer les versions',
    result: 'Modifications de la version {{from}} à la version {{to}}',
    single: 'Il n’y a qu’une version : rien à comparer pour le moment.',
    same: 'Choisissez deux versions différentes.',
  },
  ballots: 'Scrutins',
  ballotLine: 'Scrutin, clôture',
  noBallots: 'Aucun scrutin sur ce document pour le moment.',
  ballotStatus: { OPEN: 'Ouvert', CLOSED: 'Clos', CANCELLED: 'Annulé' },
  version: 'Version {{number}}',
};
