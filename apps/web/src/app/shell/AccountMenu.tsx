import { useApolloClient } from '@apollo/client/react';
import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { session } from '../../auth/session';
import { urls } from '../urls';

/** Button "Account" opening a menu with "Settings" and "Sign out" (Mantine's menu traps and returns focus). */
export function AccountMenu({ name }: { name?: string }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const signOut = async () => {
    session.signOut();
    await client.clearStore();
    await navigate(urls.signIn());
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" title={name}>
          {t('nav.account')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={urls.settings()}>
          {t('nav.settings')}
        </Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t('nav.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
