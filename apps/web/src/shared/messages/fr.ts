import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  appName: 'Groupes de travail',
  skipToContent: 'Aller au contenu',
  nav: {
    home: 'Accueil',
    notifications: 'Notifications',
    notificationsUnread: 'Notifications ({{count}})',
    account: 'Compte',
    settings: 'Paramètres',
    signOut: 'Se déconnecter',
    language: 'Langue',
    mainNavigation: 'Principale',
  },
  languages: { en: 'English', fr: 'Français' },
  states: {
    loading: 'Chargement…',
    errorTitle: 'Une erreur est survenue',
    retry: 'Réessayer',
    notFoundTitle: 'Page introuvable',
    notFoundBody: 'Cette page n’existe pas ou vous ne pouvez pas la voir.',
    backHome: 'Retour à l’accueil',
    offline: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  },
  errors: {
    UNAUTHENTICATED: 'Votre session a pris fin. Veuillez vous reconnecter.',
    FORBIDDEN: 'Vous n’êtes pas autorisé à faire ceci.',
    NOT_FOUND: 'Cet élément n’existe pas ou vous ne pouvez pas le voir.',
    CONFLICT: 'Impossible pour le moment : {{message}}',
    BAD_USER_INPUT: 'Veuillez vérifier votre saisie : {{message}}',
    RATE_LIMITED: 'Trop de modifications en peu de temps. Attendez une minute et réessayez.',
    unknown: 'Le serveur n’a pas pu traiter la demande. Veuillez réessayer.',
  },
  time: {
    inYourZone: 'Heures affichées dans le fuseau {{zone}}',
  },
  roles: {
    SECRETARIAT: 'Secrétariat',
    MEMBER: 'Membre',
    OBSERVER: 'Observateur',
    CHAIR: 'Président',
    VICE_CHAIR: 'Vice-président',
  },
  readOnly: 'Vous êtes observateur : vous pouvez tout lire, sans rien modifier.',
};
