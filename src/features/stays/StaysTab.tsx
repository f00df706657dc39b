/** Stays: where the people of a case sleep (host, dates, nights, who), with add, edit and delete. */
import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NameTag } from '../../shared/ui/Tag';
import { TabToolbar } from '../../shared/ui/TabToolbar';
import { RecordTable } from '../../shared/ui/RecordTable';
import { stayNights } from '../../domain/duration';
import type { HostLocation, Stay } from '../../domain/entities';
import { hrefFor } from '../../shared/ui/router';
import { useOpenOnFocusRequest } from '../../shared/ui/use-focus-request';
import type { CaseBundle } from '../../domain/planning';
import { StayDialog } from './StayDialog';

type Editing = { stay: Stay | null; focus: string | null };

export function StaysTab({
  bundle,
  hosts,
}: {
  bundle: CaseBundle;
  hosts: readonly HostLocation[];
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const { stays, people } = bundle;
  const c = bundle.case;
  useOpenOnFocusRequest('stays', stays, (stay, focus) => setEditing({ stay, focus }));
  const names = new Map(people.map((p) => [p.id, p.codeName]));
  const hostsById = new Map(hosts.map((h) => [h.id, h]));
  const sorted = [...stays].sort((a, b) => (a.checkIn < b.checkIn ? -1 : 1));
  const lastOut = sorted.at(-1)?.checkOut;
  return (
    <Stack gap="sm">
      <TabToolbar
        summary={
          stays.length === 0 ? t('stays.empty') : t('stays.summary', { count: stays.length })
        }
        addLabel={t('stays.add')}
        onAdd={() => setEditing({ stay: null, focus: null })}
        addDisabled={people.length === 0 || hosts.length === 0}
      />
      {hosts.length === 0 && (
        <Alert color="gray" variant="light">
          {t('stays.needHosts')}{' '}
          <Anchor href={hrefFor({ name: 'hosts' })}>{t('stays.goToHosts')}</Anchor>
        </Alert>
      )}
      {people.length === 0 && hosts.length > 0 && (
        <Alert color="gray" variant="light">
          {t('stays.needPeople')}
        </Alert>
      )}
      {stays.length > 0 && (
        <RecordTable
          label={t('stays.tableLabel')}
          head={
            <>
              <Table.Th>{t('stays.columns.host')}</Table.Th>
              <Table.Th>{t('stays.columns.checkIn')}</Table.Th>
              <Table.Th>{t('stays.columns.checkOut')}</Table.Th>
              <Table.Th>{t('stays.columns.nights')}</Table.Th>
              <Table.Th>{t('stays.columns.who')}</Table.Th>
              <Table.Th w={80} />
            </>
          }
        >
          {sorted.map((s) => {
            const host = hostsById.get(s.hostId);
            return (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {host ? (
                    <Anchor href={hrefFor({ name: 'host', hostId: host.id })} size="sm" fw={600}>
                      {host.codeName}
                    </Anchor>
                  ) : (
                    <Text c="red" size="sm">
                      {t('stays.hostMissing')}
                    </Text>
                  )}
                  {host && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {host.city}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{s.checkIn}</Table.Td>
                <Table.Td>{s.checkOut}</Table.Td>
                <Table.Td>{t('case.nights', { count: stayNights(s) })}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {s.personIds.map((id) => (
                      <NameTag key={id}>{names.get(id) ?? '?'}</NameTag>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditing({ stay: s, focus: null })}
                    aria-label={t('stays.editLabel', {
                      host: host?.codeName ?? '',
                      from: s.checkIn,
                    })}
                  >
                    {t('stays.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </RecordTable>
      )}
      {editing && (
        <StayDialog
          caseId={c.id}
          stay={editing.stay}
          people={people}
          hosts={hosts}
          defaults={{
            checkIn: lastOut ?? c.plannedStart ?? '',
            checkOut: lastOut ? '' : (c.plannedEnd ?? ''),
          }}
          focus={editing.focus}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
