import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  title: 'Notifications',
  listLabel: 'Notifications, les plus récentes d’abord',
  empty: 'Vous n’avez encore aucune notification. Les rappels d’échéances et de scrutins apparaîtront ici.',
  markAllRead: 'Tout marquer comme lu',
  markRead: 'Marquer comme lu',
  markedRead: '{{count}} notifications marquées comme lues.',
  unread: 'Non lu',
  open: 'Ouvrir',
  due: 'Échéance',
  kind: {
    BALLOT_OPENED: 'Scrutin ouvert',
    BALLOT_CLOSING: 'Scrutin bientôt clos',
    BALLOT_CLOSED: 'Scrutin clos',
    WORK_ITEM_DUE: 'Tâche à échéance',
    WORK_ITEM_OVERDUE: 'Tâche en retard',
    INVITATION: 'Invitation',
    AMENDMENT_PROPOSED: 'Amendement proposé',
    AMENDMENT_RESOLVED: 'Amendement traité',
    COMMENT_REPLY: 'Réponse à votre commentaire',
  },
};
