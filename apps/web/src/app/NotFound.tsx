import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../shared/components/PageTitle';
import { urls } from './urls';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('states.notFoundTitle')}</PageTitle>
      <Text mb="md">{t('states.notFoundBody')}</Text>
      <Anchor component={Link} to={urls.home()}>
        {t('states.backHome')}
      </Anchor>
    </>
  );
}
