import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/components/PageTitle';

export function Home() {
  const { t } = useTranslation('home');
  return <PageTitle>{t('title')}</PageTitle>;
}
