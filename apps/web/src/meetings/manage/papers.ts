import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time/format';
import { useReaderZone } from '../../shared/time/reader-zone';
import { MeetingPapersQuery } from '../manage-queries';

export interface Option {
  value: string;
  label: string;
}

/**
 * What an agenda item, a decision or an action may point at in the initiative, as select options:
 * its terms of reference (the initiative's and its groups'), their ballots, its groups' work plans
 * (with the group they belong to), and its members.
 */
export function usePapers(slug: string) {
  const { t, i18n } = useTranslation('meetings');
  const zone = useReaderZone();
  const { data, error, refetch } = useQuery(MeetingPapersQuery, { variables: { slug } });
  const initiative = data?.initiative;
  const terms = initiative
    ? [initiative.termsOfReference, ...initiative.workingGroups.map((g) => g.termsOfReference)].filter(
        (tor): tor is NonNullable<typeof tor> => Boolean(tor),
      )
    : [];
  const ballots: Option[] = terms.flatMap((tor) =>
    tor.ballots.map((ballot) => ({
      value: ballot.id,
      label: t('manage.papers.ballot', {
        title: tor.title,
        closes: formatDateTime(ballot.closesAt, zone, i18n.language),
        outcome: ballot.outcome ? t(`outcomes.${ballot.outcome}`) : t('outcomes.PENDING'),
      }),
    })),
  );
  const plans = (initiative?.workingGroups ?? []).flatMap((g) =>
    g.workPlan ? [{ value: g.workPlan.id, label: `${g.code}: ${g.workPlan.title}`, groupId: g.id }] : [],
  );
  return {
    loading: !data && !error,
    error,
    refetch,
    terms: terms.map((tor) => ({ value: tor.id, label: tor.title })),
    ballots,
    plans,
    people: (initiative?.members.edges ?? [])
      .map((e) => ({ value: e.node.person.id, label: e.node.person.name }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** A select's options with a first "none" choice, whose value is the empty string. */
export const withNone = (none: string, options: Option[]): Option[] => [{ value: '', label: none }, ...options];
