import { en as authEn } from '../../auth/messages/en';
import { fr as authFr } from '../../auth/messages/fr';
import { en as homeEn } from '../../home/messages/en';
import { fr as homeFr } from '../../home/messages/fr';
import { en as initiativesEn } from '../../initiatives/messages/en';
import { fr as initiativesFr } from '../../initiatives/messages/fr';
import { en as groupsEn } from '../../groups/messages/en';
import { fr as groupsFr } from '../../groups/messages/fr';
import { en as notificationsEn } from '../../notifications/messages/en';
import { fr as notificationsFr } from '../../notifications/messages/fr';
import { en as ballotsEn } from '../../ballots/messages/en';
import { fr as ballotsFr } from '../../ballots/messages/fr';
import { en as settingsEn } from '../../settings/messages/en';
import { fr as settingsFr } from '../../settings/messages/fr';
import { en as termsEn } from '../../terms/messages/en';
import { fr as termsFr } from '../../terms/messages/fr';
import { en as kpisEn } from '../../kpis/messages/en';
import { fr as kpisFr } from '../../kpis/messages/fr';
import { en as meetingsEn } from '../../meetings/messages/en';
import { fr as meetingsFr } from '../../meetings/messages/fr';
import { en as searchEn } from '../../search/messages/en';
import { fr as searchFr } from '../../search/messages/fr';
import { en as discussionEn } from '../../discussion/messages/en';
import { fr as discussionFr } from '../../discussion/messages/fr';
import { en as commonEn } from '../../shared/messages/en';
import { fr as commonFr } from '../../shared/messages/fr';

/**
 * Every feature's messages, one namespace per feature folder (`<feature>/messages/{en,fr}.ts`),
 * so that pages are added without touching one shared file of strings.
 */
export const resources = {
  en: {
    common: commonEn,
    auth: authEn,
    home: homeEn,
    initiatives: initiativesEn,
    groups: groupsEn,
    notifications: notificationsEn,
    ballots: ballotsEn,
    terms: termsEn,
    settings: settingsEn,
    kpis: kpisEn,
    meetings: meetingsEn,
    search: searchEn,
    discussion: discussionEn,
  },
  fr: {
    common: commonFr,
    auth: authFr,
    home: homeFr,
    initiatives: initiativesFr,
    groups: groupsFr,
    notifications: notificationsFr,
    ballots: ballotsFr,
    terms: termsFr,
    settings: settingsFr,
    kpis: kpisFr,
    meetings: meetingsFr,
    search: searchFr,
    discussion: discussionFr,
  },
} as const;

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
