import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  signIn: {
    title: 'Connexion',
    intro: 'Connectez-vous pour suivre vos groupes de travail, scrutins et échéances.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    failed: 'L’adresse e-mail ou le mot de passe est incorrect.',
    rateLimited_one: 'Trop de tentatives. Réessayez dans {{count}} seconde.',
    rateLimited_other: 'Trop de tentatives. Réessayez dans {{count}} secondes.',
    required: 'Obligatoire',
  },
  invitation: {
    title: 'Choisissez votre mot de passe',
    intro: 'Vous avez été invité à participer. Choisissez un mot de passe d’au moins 10 caractères pour terminer.',
    password: 'Mot de passe',
    confirm: 'Confirmer le mot de passe',
    submit: 'Enregistrer le mot de passe',
    mismatch: 'Les deux mots de passe diffèrent.',
    tooShort: 'Au moins 10 caractères.',
    invalid: 'Ce lien d’invitation n’est plus valable. Demandez-en un nouveau au secrétariat.',
  },
};
