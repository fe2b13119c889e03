import type { Translation } from '../../app/messages/types';
import type { en } from './en';

export const fr: Translation<typeof en> = {
  title: 'Ce qui m’attend',
};
