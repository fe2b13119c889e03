import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { urls } from '../../app/urls';
import { useSearchInitiative } from '../search-initiative';

/** The banner's search box ("Search"): Enter opens /search?q= for the initiative in context. */
export function SearchBox() {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const location = useLocation();
  const { current } = useSearchInitiative();
  const onSearchPage = location.pathname === '/search';
  const typed = onSearchPage ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [text, setText] = useState(typed);
  // Follows the address: back and forward between searches show the text searched.
  const [shownFor, setShownFor] = useState(typed);
  if (shownFor !== typed) {
    setShownFor(typed);
    setText(typed);
  }
  return (
    <form
      role="search"
      aria-label={t('box.region')}
      onSubmit={(e) => {
        e.preventDefault();
        const query = text.trim();
        if (query && current) void navigate(urls.search(query, current.id));
      }}
    >
      <TextInput
        type="search"
        aria-label={t('box.label')}
        placeholder={current ? t('box.placeholder', { name: current.name }) : t('box.label')}
        value={text}
        maxLength={500}
        onChange={(e) => setText(e.currentTarget.value)}
        w={{ base: 140, sm: 240 }}
      />
    </form>
  );
}
