import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/components/States';
import { useApiErrorMessage } from '../../shared/errors';
import { AgendaActions, AgendaLinks } from '../components/AgendaList';
import { MoveAgendaItemMutation, RemoveAgendaItemMutation } from '../mutations';
import { AgendaItemDialog } from './AgendaItemDialog';
import type { AgendaItem, Meeting } from './types';
import { useMeetingMutation } from './use-meeting-mutation';

type Direction = 'up' | 'down';

/**
 * The agenda for those who may change it: add, edit, remove, and reorder by dragging an item onto
 * another or with the "Move up"/"Move down" buttons. After a move the focus stays on the moved
 * item and its new position is said in role status.
 */
export function AgendaEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const items = [...meeting.agenda].sort((a, b) => a.position - b.position);
  const [said, setSaid] = useState('');
  const [editing, setEditing] = useState<AgendaItem | 'new' | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const focusAfter = useRef<{ id: string; direction: Direction } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const busy = useRef(false);
  const [move, moving] = useMeetingMutation(MoveAgendaItemMutation, meeting.id);
  const [remove, removing] = useMeetingMutation(RemoveAgendaItemMutation, meeting.id);
  const message = useApiErrorMessage(moving.error ?? removing.error);

  // React moves the item's element to its new place, which drops the focus: after the render that
  // follows a move, put it back on the same button, or on the other one at an end of the list.
  useEffect(() => {
    if (!focusAfter.current) return;
    const { id, direction } = focusAfter.current;
    focusAfter.current = null;
    const same = buttons.current.get(`${id}:${direction}`);
    const other = buttons.current.get(`${id}:${direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  });

  const moveTo = (item: AgendaItem, position: number, direction: Direction) => {
    if (busy.current || position < 1 || position > items.length || position === item.position) return;
    busy.current = true;
    removing.reset();
    setSaid('');
    void move({ variables: { id: item.id, position } })
      .then(
        (result) => {
          const moved = result.data?.moveAgendaItem.find((i) => i.id === item.id);
          focusAfter.current = { id: item.id, direction };
          setSaid(t('manage.agenda.moved', { title: item.title, position: moved?.position ?? position, total: items.length }));
        },
        () => undefined,
      )
      .finally(() => {
        busy.current = false;
      });
  };

  const removeItem = (item: AgendaItem) => {
    moving.reset();
    setSaid('');
    void remove({ variables: { id: item.id } }).then(
      () => {
        setSaid(t('manage.agenda.removed', { title: item.title }));
        addButton.current?.focus();
      },
      () => undefined,
    );
  };

  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <Stack gap="sm">
      {(moving.error ?? removing.error) && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
      <div role="status">{said}</div>
      {items.length === 0 ? (
        <EmptyState>{t('noAgenda')}</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('manage.agenda.dragHelp')}
          </Text>
          <List type="ordered" aria-label={t('agenda')} spacing="sm">
            {items.map((item, i) => (
              <List.Item
                key={item.id}
                draggable
                data-dragging={dragged === item.id || undefined}
                style={{ cursor: 'grab', opacity: dragged === item.id ? 0.5 : 1 }}
                onDragStart={(event) => {
                  setDragged(item.id);
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', item.id);
                }}
                onDragEnd={() => setDragged(null)}
                onDragOver={(event) => {
                  if (dragged && dragged !== item.id) event.preventDefault();
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  const source = items.find((candidate) => candidate.id === dragged);
                  setDragged(null);
                  if (source) moveTo(source, item.position, source.position < item.position ? 'down' : 'up');
                }}
              >
                <Group gap="xs">
                  <Text fw={600}>{item.title}</Text>
                  <Badge variant="light" size="sm">
                    {t(`kinds.${item.kind}`)}
                  </Badge>
                  {item.durationMinutes != null && (
                    <Text size="sm" c="dimmed">
                      {t('manage.agenda.minutes', { count: item.durationMinutes })}
                    </Text>
                  )}
                </Group>
                {item.description && <Text size="sm">{item.description}</Text>}
                <AgendaLinks item={item} />
                <AgendaActions item={item} />
                <Group gap={4} mt={4}>
                  <Button
                    size="compact-sm"
                    variant="default"
                    ref={ref(`${item.id}:up`)}
                    disabled={i === 0}
                    aria-label={t('manage.agenda.moveUp', { title: item.title })}
                    onClick={() => moveTo(item, item.position - 1, 'up')}
                  >
                    {t('manage.agenda.up')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    ref={ref(`${item.id}:down`)}
                    disabled={i === items.length - 1}
                    aria-label={t('manage.agenda.moveDown', { title: item.title })}
                    onClick={() => moveTo(item, item.position + 1, 'down')}
                  >
                    {t('manage.agenda.down')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={t('manage.agenda.edit', { title: item.title })}
                    onClick={() => setEditing(item)}
                  >
                    {t('manage.agenda.editShort')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={t('manage.agenda.remove', { title: item.title })}
                    onClick={() => removeItem(item)}
                  >
                    {t('manage.agenda.removeShort')}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Group>
        <Button ref={addButton} variant="light" onClick={() => setEditing('new')}>
          {t('manage.agenda.add')}
        </Button>
      </Group>
      {editing && (
        <AgendaItemDialog
          meeting={meeting}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(title) => setSaid(t(editing === 'new' ? 'manage.agenda.added' : 'manage.agenda.updated', { title }))}
        />
      )}
    </Stack>
  );
}
