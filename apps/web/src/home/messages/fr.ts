import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  title: 'Ce qui m’attend',
  greeting: 'Bienvenue, {{name}}.',
  ballots: {
    title: 'Scrutins en attente de votre vote',
    empty: 'Aucun scrutin n’attend votre vote.',
    closes: 'Clôture',
    vote: 'Voter sur {{title}}',
  },
  items: {
    title: 'Vos tâches à échéance proche',
    empty: 'Aucune de vos tâches n’arrive à échéance dans les 30 prochains jours.',
    overdue: 'En retard',
    due: 'Échéance',
  },
  notifications: {
    title: 'Notifications non lues',
    empty: 'Vous avez lu toutes vos notifications.',
    all: 'Toutes les notifications',
    more: 'et {{count}} de plus',
  },
  initiatives: {
    title: 'Vos initiatives',
    none: 'Vous n’appartenez encore à aucune initiative. Le secrétariat d’une initiative peut vous inviter.',
  },
};
