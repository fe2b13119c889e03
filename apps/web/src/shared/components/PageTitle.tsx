import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1; also names the browser tab, so screen readers announce the new page. */
export function PageTitle({ children, order = 1 }: { children: string; order?: 1 }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t('appName')}`;
  }, [children, t]);
  return (
    <Title order={order} mb="md">
      {children}
    </Title>
  );
}
