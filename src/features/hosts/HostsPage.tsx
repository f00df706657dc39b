/**
 * Hosts: the list of host locations (type, place, beds, occupancy over the next 90 nights across
 * every case) beside the selected host's form, its occupancy strip and the cases that use it.
 * A host in use cannot be deleted: the confirmation says which stays block it.
 */
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteButton } from '../../shared/ui/DeleteButton';
import type { Case, HostLocation, Stay } from '../../domain/entities';
import { ConfirmDestructive } from '../../shared/ui/ConfirmDestructive';
import '../../shared/ui/table.css';
import { hrefFor, navigate } from '../../shared/ui/router';
import { today } from '../../shared/ui/today';
import { useNewRequest } from '../../shared/ui/use-focus-request';
import { useRecords } from '../../storage';
import { deleteHost } from './data';
import { HostForm } from './HostForm';
import { OccupancyStrip } from './OccupancyStrip';
import { occupancy } from './occupancy';

const NEW_HOST_HREF = '#/hosts?new=1';

export function HostsPage({ hostId }: { hostId: string | null }) {
  const { t } = useTranslation();
  const hosts = useRecords<HostLocation>('hosts');
  const stays = useRecords<Stay>('stays');
  const cases = useRecords<Case>('cases');
  // "#/hosts?new=1" opens the new-host form (the page is a new one when leaving a selected host).
  const [creating, setCreating] = useNewRequest();
  const [deleting, setDeleting] = useState(false);
  const day = today();
  const sorted = useMemo(
    () => [...hosts].sort((a, b) => a.codeName.localeCompare(b.codeName)),
    [hosts],
  );
  const occ = useMemo(
    () => new Map(hosts.map((h) => [h.id, occupancy(h.id, stays, day)])),
    [hosts, stays, day],
  );
  // Every case with a stay at the host that is not over yet: the beds used count them all.
  const casesAt = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const s of stays) {
      if (s.checkOut <= day) continue;
      const set = m.get(s.hostId) ?? new Set<string>();
      set.add(s.caseId);
      m.set(s.hostId, set);
    }
    return m;
  }, [stays, day]);
  const selected = hostId ? hosts.find((h) => h.id === hostId) : undefined;
  const caseNames = new Map(cases.map((c) => [c.id, c.codeName]));
  const selectedOcc = selected ? occ.get(selected.id) : undefined;
  const usedBy = selected ? stays.filter((s) => s.hostId === selected.id) : [];
  const blockers = usedBy.map((s) =>
    t('hosts.delete.blocker', {
      caseName: caseNames.get(s.caseId) ?? '?',
      from: s.checkIn,
      to: s.checkOut,
    }),
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>{t('hosts.title')}</Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => {
            if (hostId) window.location.hash = NEW_HOST_HREF;
            else setCreating(true);
          }}
        >
          {t('hosts.new')}
        </Button>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {sorted.length === 0 ? (
            <Card withBorder padding="md">
              <Text size="sm">{t('hosts.empty')}</Text>
            </Card>
          ) : (
            <div
              style={{
                maxHeight: 'calc(100vh - 160px)',
                overflow: 'auto',
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 4,
              }}
            >
              <table className="haven-table" aria-label={t('hosts.tableLabel')}>
                <thead>
                  <tr>
                    <th style={{ width: '30%' }}>{t('hosts.columns.codeName')}</th>
                    <th style={{ width: '28%' }}>{t('hosts.columns.place')}</th>
                    <th style={{ width: '12%' }}>{t('hosts.columns.beds')}</th>
                    <th>{t('hosts.columns.occupancy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((h) => {
                    const o = occ.get(h.id);
                    return (
                      <tr
                        key={h.id}
                        aria-selected={h.id === hostId}
                        style={{ cursor: 'pointer' }}
                        onClick={(e) => {
                          if ((e.target as HTMLElement).closest('a')) return;
                          navigate({ name: 'host', hostId: h.id });
                        }}
                      >
                        <td>
                          <Anchor
                            href={hrefFor({ name: 'host', hostId: h.id })}
                            size="sm"
                            fw={600}
                            className="haven-ellipsis"
                          >
                            {h.codeName}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {t(`hosts.type.${h.type}`)}
                          </Text>
                        </td>
                        <td>
                          <Text size="xs" className="haven-ellipsis">
                            {h.city}, {h.countryCode}
                          </Text>
                        </td>
                        <td>
                          <Text size="xs">
                            {o ? `${o.peak}/${h.capacityBeds}` : h.capacityBeds}
                          </Text>
                          {(casesAt.get(h.id)?.size ?? 0) > 0 && (
                            <Text size="xs" c="dimmed">
                              {t('hosts.casesCount', { count: casesAt.get(h.id)?.size ?? 0 })}
                            </Text>
                          )}
                        </td>
                        <td>{o && <OccupancyStrip occ={o} beds={h.capacityBeds} compact />}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {selected ? (
            <Stack gap="sm">
              <Group justify="space-between">
                <div>
                  <Title order={2} size="h3">
                    {selected.codeName}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {selected.city}, {selected.countryCode}
                    {(selected.address as string | undefined) &&
                      ` · ${t('details.addressShown', { address: selected.address })}`}
                  </Text>
                </div>
                <DeleteButton label={t('hosts.delete.button')} onClick={() => setDeleting(true)} />
              </Group>
              <Card withBorder padding="sm">
                <Text size="sm" fw={600} mb={4}>
                  {t('hosts.occupancy.title')}
                </Text>
                {selectedOcc && <OccupancyStrip occ={selectedOcc} beds={selected.capacityBeds} />}
                {usedBy.length > 0 && (
                  <Group gap={4} mt="xs">
                    <Text size="xs">{t('hosts.usedBy')}</Text>
                    {usedBy.map((s) => (
                      <Badge
                        key={s.id}
                        component="a"
                        href={hrefFor({ name: 'case', caseId: s.caseId, tab: 'stays' })}
                        size="xs"
                        variant="light"
                        style={{ textTransform: 'none', cursor: 'pointer' }}
                      >
                        {caseNames.get(s.caseId) ?? '?'} · {s.checkIn} → {s.checkOut} ·{' '}
                        {s.personIds.length}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Card>
              <Card withBorder padding="sm">
                <HostForm
                  key={selected.id}
                  host={selected}
                  onSaved={() => undefined}
                  onCancel={() => navigate({ name: 'hosts' })}
                />
              </Card>
              <ConfirmDestructive
                opened={deleting}
                title={t('hosts.delete.title', { name: selected.codeName })}
                name={selected.codeName}
                consequences={[t('hosts.delete.what', { name: selected.codeName })]}
                blockers={blockers}
                confirmLabel={t('hosts.delete.confirm')}
                onClose={() => setDeleting(false)}
                onConfirm={async () => {
                  await deleteHost(selected.id);
                  setDeleting(false);
                  notifications.show({
                    message: t('hosts.delete.done', { name: selected.codeName }),
                    color: 'teal',
                    autoClose: 2500,
                  });
                  navigate({ name: 'hosts' });
                }}
              />
            </Stack>
          ) : creating ? (
            <Card withBorder padding="sm">
              <Title order={2} size="h3" mb="xs">
                {t('hosts.new')}
              </Title>
              <HostForm
                host={null}
                onSaved={(id) => {
                  setCreating(false);
                  navigate({ name: 'host', hostId: id });
                }}
                onCancel={() => setCreating(false)}
              />
            </Card>
          ) : hostId ? (
            <Alert color="gray">{t('hosts.notFound')}</Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {sorted.length ? t('hosts.pick') : t('hosts.startHint')}
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
