import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  breadcrumb: 'Fait partie de {{name}}',
  chairs: 'Présidence',
  noChairs: 'Le groupe n’a pas encore de président.',
  members: 'Membres',
  noMembers: 'Le groupe n’a pas encore de membres.',
  mandate: 'Mandat',
  terms: 'Mandat du groupe',
  workPlan: 'Plan de travail',
  noPlan: 'Le groupe n’a pas encore de plan de travail.',
  noItems: 'Le plan de travail ne contient encore aucun élément.',
  planProgress: 'Avancement du plan de travail',
  columns: { title: 'Titre', owner: 'Responsable', due: 'Échéance', status: 'Statut', progress: 'Avancement' },
  unowned: 'Personne',
  noDue: 'Sans échéance',
  overdue: 'En retard',
  kpisOf: 'Indicateurs auxquels répond {{title}}',
  progressOf: 'Avancement de {{title}}',
  kind: { DELIVERABLE: 'Livrable', MILESTONE: 'Jalon', TASK: 'Tâche' },
  status: { NOT_STARTED: 'Non commencé', IN_PROGRESS: 'En cours', BLOCKED: 'Bloqué', DONE: 'Terminé', CANCELLED: 'Annulé' },
  summary: '{{done}} sur {{total}} terminés, {{overdue}} en retard',
};
