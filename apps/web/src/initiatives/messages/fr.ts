import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  launched: 'Lancée le {{date}}',
  terms: 'Mandat',
  noTerms: 'L’initiative n’a pas encore de mandat.',
  kpis: 'Indicateurs clés',
  decisions: 'Registre des décisions',
  openBallots: 'Scrutins ouverts',
  closes: 'clôture',
  groups: {
    title: 'Groupes de travail',
    caption: 'Avancement du plan de travail de chaque groupe, au {{time}}',
    empty: 'L’initiative n’a pas encore de groupe de travail.',
    group: 'Groupe',
    status: 'Statut',
    plan: 'Plan de travail',
    items: 'Éléments',
    done: 'Terminés',
    overdue: 'En retard',
    progress: 'Avancement',
    progressOf: 'Avancement de {{code}}',
    noPlan: 'Aucun plan de travail',
    total: 'Tous les groupes',
  },
  groupStatus: { PROPOSED: 'Proposé', ACTIVE: 'Actif', CLOSED: 'Clos' },
  planStatus: { DRAFT: 'Brouillon', SUBMITTED: 'Soumis', APPROVED: 'Approuvé' },
  documentStatus: { DRAFT: 'Brouillon', UNDER_BALLOT: 'Soumis au vote', APPROVED: 'Approuvé', REJECTED: 'Rejeté' },
};
