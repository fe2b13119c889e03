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
    help: 'Toutes les heures sont affichées dans ce fuseau. Le secrétariat l’enregistre dans votre profil.',
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
};
