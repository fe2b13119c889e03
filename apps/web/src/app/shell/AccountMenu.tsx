import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignOut } from '../../auth/use-sign-out';
import { urls } from '../urls';

/** Button "Account" opening a menu with "Settings" and "Sign out" (Mantine's menu traps and returns focus). */
export function AccountMenu({ name }: { name?: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
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
