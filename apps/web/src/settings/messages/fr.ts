import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  title: 'Paramètres',
  profile: 'Profil',
  signedInAs: 'Connecté en tant que {{name}} ({{email}})',
  email: {
    title: 'E-mail',
    legend: 'E-mail',
    IMMEDIATE: 'Immédiatement',
    DAILY_DIGEST: 'Résumé quotidien à 08:00',
    OFF: 'Désactivé',
    saved: 'Préférence d’e-mail enregistrée.',
  },
  zone: {
    title: 'Fuseau horaire',
    label: 'Fuseau horaire',
    help: 'Toutes les heures sont affichées dans ce fuseau, dans le client web et dans vos e-mails. Tapez pour chercher, p. ex. Tokyo.',
    nothingFound: 'Aucun fuseau horaire ne porte ce nom.',
    saved: 'Fuseau horaire enregistré : les heures y sont désormais affichées.',
  },
  calendar: {
    title: 'Calendrier',
    label: 'Flux de calendrier',
    help: 'Ajoutez cette adresse à votre agenda pour voir vos échéances et les clôtures de scrutins. Gardez-la privée : quiconque la possède peut les lire.',
    copy: 'Copier',
    copied: 'Adresse copiée.',
    rotate: 'Nouvelle adresse de flux',
    rotated: 'Nouvelle adresse créée : l’ancienne ne fonctionne plus.',
  },
  security: { title: 'Connexion et sessions' },
  dialog: { cancel: 'Annuler', close: 'Fermer' },
  password: {
    open: 'Changer le mot de passe',
    dialogTitle: 'Changer le mot de passe',
    current: 'Mot de passe actuel',
    new: 'Nouveau mot de passe',
    newHelp: 'Au moins 10 caractères. Vos autres appareils sont déconnectés ; celui-ci reste connecté.',
    confirm: 'Confirmer le nouveau mot de passe',
    save: 'Enregistrer le nouveau mot de passe',
    mismatch: 'Le nouveau mot de passe et sa confirmation diffèrent.',
    wrongCurrent: 'Le mot de passe actuel est erroné.',
    changed: 'Mot de passe changé. Vos autres appareils sont déconnectés.',
  },
  everywhere: {
    open: 'Se déconnecter partout',
    dialogTitle: 'Se déconnecter partout ?',
    explain:
      'Cela met fin à vos sessions sur tous les appareils et navigateurs, celui-ci compris. Il vous faudra votre mot de passe pour vous reconnecter.',
    confirm: 'Se déconnecter partout',
  },
};
