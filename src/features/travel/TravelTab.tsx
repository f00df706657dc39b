/**
 * Travel: the journey as a vertical timeline. Each leg shows its mode, carrier and number,
 * departure and arrival in each place's local time with zone abbreviation and UTC offset, its
 * duration and its travellers; between legs, the connection time, highlighted when too short
 * or when the next leg leaves from somewhere else, or the stay that comes between them (a stay
 * breaks the journey: it is not a connection).
 */
import { Alert, Badge, Button, Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconBed,
  IconBus,
  IconCar,
  IconPlane,
  IconRoute,
  IconShip,
  IconTrain,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NameTag } from '../../shared/ui/Tag';
import { TabToolbar } from '../../shared/ui/TabToolbar';
import type { HostLocation, LegMode, TravelLeg } from '../../domain/entities';
import { useOpenOnFocusRequest } from '../../shared/ui/use-focus-request';
import type { CaseBundle } from '../../domain/planning';
import { LegDialog } from './LegDialog';
import { buildTimeline } from './timeline';
import { useFormat } from '../../shared/ui/format';

const MODE_ICONS: Readonly<Record<LegMode, typeof IconPlane>> = {
  flight: IconPlane,
  train: IconTrain,
  bus: IconBus,
  car: IconCar,
  ferry: IconShip,
  other: IconRoute,
};

type Editing = { leg: TravelLeg | null; focus: string | null };

/** One end of a leg: "Departs Tbilisi · 04:35 GET (UTC+4)", the time in the place's own zone. */
function LegEnd(props: { label: string; place: string; time: string; testId: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="xs">
        {props.label}{' '}
      </Text>
      {props.place} · <span data-testid={props.testId}>{props.time}</span>
    </Text>
  );
}

export function TravelTab({
  bundle,
  hosts = [],
}: {
  bundle: CaseBundle;
  hosts?: readonly HostLocation[];
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const { legs, people, stays } = bundle;
  useOpenOnFocusRequest('legs', legs, (leg, focus) => setEditing({ leg, focus }));
  const { locale } = useFormat();
  const items = useMemo(() => buildTimeline(legs, stays, locale), [legs, stays, locale]);
  const hostNames = new Map(hosts.map((h) => [h.id, h.codeName]));
  const names = new Map(people.map((p) => [p.id, p.codeName]));
  const last = items.filter((i) => i.leg.status !== 'cancelled').at(-1)?.leg;
  return (
    <Stack gap="sm">
      <TabToolbar
        summary={
          legs.length === 0 ? t('travel.empty') : t('travel.summary', { count: legs.length })
        }
        addLabel={t('travel.add')}
        onAdd={() => setEditing({ leg: null, focus: null })}
        addDisabled={people.length === 0}
      />
      {people.length === 0 && (
        <Alert color="gray" variant="light">
          {t('travel.needPeople')}
        </Alert>
      )}
      {items.length > 0 && (
        <Timeline bulletSize={26} lineWidth={2} active={items.length}>
          {items.map((item) => {
            const { leg } = item;
            const Icon = MODE_ICONS[leg.mode];
            const title = [
              t(`travel.mode.${leg.mode}`),
              [leg.carrier, leg.number].filter(Boolean).join(' '),
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <Timeline.Item
                key={leg.id}
                bullet={
                  <ThemeIcon
                    size={22}
                    radius="xl"
                    variant="light"
                    color={leg.status === 'cancelled' ? 'gray' : 'teal'}
                  >
                    <Icon size={14} aria-hidden />
                  </ThemeIcon>
                }
              >
                <article
                  aria-label={t('travel.legLabel', { from: leg.from.name, to: leg.to.name })}
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text
                          fw={600}
                          size="sm"
                          td={leg.status === 'cancelled' ? 'line-through' : undefined}
                        >
                          {title} — {leg.from.name} → {leg.to.name}
                        </Text>
                        <Badge
                          size="xs"
                          variant="outline"
                          color={leg.status === 'booked' || leg.status === 'done' ? 'teal' : 'gray'}
                          style={{ textTransform: 'none' }}
                        >
                          {t(`travel.status.${leg.status}`)}
                        </Badge>
                      </Group>
                      <LegEnd
                        label={t('travel.departs')}
                        place={leg.from.name}
                        time={item.departText}
                        testId="leg-depart"
                      />
                      <LegEnd
                        label={t('travel.arrives')}
                        place={leg.to.name}
                        time={item.arriveText}
                        testId="leg-arrive"
                      />
                      <Group gap="xs">
                        {item.durationText && (
                          <Text
                            size="xs"
                            c={item.negative ? 'red' : 'dimmed'}
                            fw={item.negative ? 600 : undefined}
                          >
                            {t('travel.duration', { duration: item.durationText })}
                          </Text>
                        )}
                        {leg.travellerIds.map((id) => (
                          <NameTag key={id}>
                            {names.get(id) ?? t('travel.unknownTraveller')}
                          </NameTag>
                        ))}
                      </Group>
                    </Stack>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing({ leg, focus: null })}
                      aria-label={t('travel.editLabel', { from: leg.from.name, to: leg.to.name })}
                    >
                      {t('travel.edit')}
                    </Button>
                  </Group>
                  {item.stayAfter && (
                    <Group
                      gap={6}
                      mt={6}
                      px={6}
                      py={2}
                      wrap="nowrap"
                      role="note"
                      aria-label={t('travel.stayBetweenLabel')}
                      style={{
                        borderRadius: 4,
                        display: 'inline-flex',
                        background: 'var(--mantine-color-teal-light)',
                      }}
                    >
                      <IconBed size={14} aria-hidden />
                      <Text size="xs">
                        {t('travel.stayBetween', {
                          host:
                            hostNames.get(item.stayAfter.stay.hostId) ?? t('travel.unknownHost'),
                          count: item.stayAfter.nights,
                          from: item.stayAfter.stay.checkIn,
                          to: item.stayAfter.stay.checkOut,
                        })}
                      </Text>
                    </Group>
                  )}
                  {item.next && (
                    <Text
                      size="xs"
                      mt={6}
                      px={6}
                      py={2}
                      fw={item.next.short || item.next.gap ? 600 : undefined}
                      c={
                        item.next.short || item.next.gap
                          ? 'var(--mantine-color-red-light-color)'
                          : 'dimmed'
                      }
                      bg={
                        item.next.short || item.next.gap
                          ? 'var(--mantine-color-red-light)'
                          : undefined
                      }
                      style={{ borderRadius: 4, display: 'inline-block' }}
                    >
                      {item.next.gap
                        ? t('travel.connectionGap', {
                            duration: item.next.text,
                            place: leg.to.name,
                          })
                        : item.next.short
                          ? t('travel.connectionShort', {
                              duration: item.next.text,
                              minimum: item.next.minimum,
                            })
                          : t('travel.connection', {
                              duration: item.next.text,
                              place: leg.to.name,
                            })}
                    </Text>
                  )}
                </article>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {editing && (
        <LegDialog
          caseId={bundle.case.id}
          leg={editing.leg}
          people={people}
          currency={bundle.case.reportingCurrency}
          defaultFrom={editing.leg ? null : (last?.to ?? null)}
          focus={editing.focus}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
