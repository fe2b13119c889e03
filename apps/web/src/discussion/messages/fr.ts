import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  cancel: 'Annuler',
  close: 'Fermer',
  comments: {
    none: 'Aucun commentaire pour le moment.',
    empty: 'Écrivez d’abord quelque chose.',
    post: 'Publier le commentaire',
    posted: 'Votre commentaire a été publié.',
    replied: 'Votre réponse a été publiée.',
    edited: 'modifié',
    edit: 'Modifier',
    editLabel: 'Votre commentaire',
    saveEdit: 'Enregistrer les modifications',
    delete: 'Supprimer',
    deleteTitle: 'Supprimer ce commentaire ?',
    deleteWarning: 'Son texte est remplacé par « [supprimé] » ; les réponses restent.',
    confirmDelete: 'Supprimer le commentaire',
    deleted: '[supprimé]',
    reply: 'Répondre',
    replyTo: 'Répondre à {{name}}',
    replyLabel: 'Votre réponse à {{name}}',
    postReply: 'Publier la réponse',
    repliesTo: 'Réponses à {{name}}',
  },
  general: {
    title: 'Commentaires généraux',
    list: 'Commentaires généraux',
    none: 'Aucun commentaire général pour le moment.',
    label: 'Commenter le document',
    more: 'Les 100 premiers des {{count}} commentaires sont affichés.',
  },
  kpi: {
    title: 'Commentaires',
    list: 'Commentaires sur ce KPI',
    none: 'Aucun commentaire sur ce KPI pour le moment.',
    label: 'Commenter ce KPI',
  },
};
