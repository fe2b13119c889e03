import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  box: {
    region: 'Rechercher dans l’initiative',
    label: 'Rechercher',
    placeholder: 'Rechercher dans {{name}}',
  },
  title: 'Recherche',
  initiative: 'Initiative',
  kinds: 'Afficher seulement',
  kindsHint: 'Aucune case cochée : tous les types.',
  results: 'Résultats',
  count_one: '{{count}} résultat pour « {{query}} » dans {{name}}',
  count_other: '{{count}} résultats pour « {{query}} » dans {{name}}',
  noQuery: 'Saisissez des mots ou un code (WG2, U4SSC-1/2, EC:ICT:ICT:1C) dans le champ Rechercher ci-dessus, puis Entrée.',
  noInitiative: 'Vous n’appartenez encore à aucune initiative : il n’y a rien à rechercher.',
  noMatch: 'Rien de ce que vous pouvez lire ne correspond à « {{query}} ».',
  more: 'Plus de résultats',
  kind: {
    WORKING_GROUP: 'Groupe de travail',
    PERSON: 'Personne',
    TERMS_OF_REFERENCE: 'Mandat',
    BALLOT: 'Scrutin',
    WORK_ITEM: 'Élément du plan',
    MEETING: 'Réunion',
    AGENDA_ITEM: 'Point de l’ordre du jour',
    DECISION: 'Décision',
    KPI: 'KPI',
    COMMENT: 'Commentaire',
    AMENDMENT: 'Amendement',
  },
};
