import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordActionDialog } from './RecordActionDialog';
import { RecordDecisionDialog } from './RecordDecisionDialog';
import type { Meeting } from './types';

/** Buttons "Record a decision" and "Record an action" while the meeting runs (or its minutes are drafted). */
export function RunMeetingTools({ meeting, mayUsePlanOf }: { meeting: Meeting; mayUsePlanOf: (groupId: string) => boolean }) {
  const { t } = useTranslation('meetings');
  const [open, setOpen] = useState<'decision' | 'action' | null>(null);
  const [said, setSaid] = useState('');
  return (
    <>
      <Group gap="sm" mb="sm">
        <Button variant="light" onClick={() => setOpen('decision')}>
          {t('manage.decision.open')}
        </Button>
        <Button variant="light" onClick={() => setOpen('action')} disabled={meeting.agenda.length === 0}>
          {t('manage.action.open')}
        </Button>
      </Group>
      <div role="status">{said}</div>
      {open === 'decision' && (
        <RecordDecisionDialog
          meeting={meeting}
          onClose={() => setOpen(null)}
          onRecorded={(number) => setSaid(t('manage.decision.recorded', { number }))}
        />
      )}
      {open === 'action' && (
        <RecordActionDialog
          meeting={meeting}
          mayUsePlanOf={mayUsePlanOf}
          onClose={() => setOpen(null)}
          onRecorded={(title) => setSaid(t('manage.action.recorded', { title }))}
        />
      )}
    </>
  );
}
