/**
 * Ctrl/Cmd+K: one search box over cases, people and hosts (by code name only: legal names are
 * never searched or shown here) and the app's commands. Results are built from the decrypted
 * records in memory; nothing is indexed or stored.
 */
import { Button, Kbd } from '@mantine/core';
import {
  Spotlight,
  createSpotlight,
  useSpotlight,
  type SpotlightActionGroupData,
} from '@mantine/spotlight';
import {
  IconBriefcase,
  IconHome2,
  IconLock,
  IconSearch,
  IconUser,
  IconArrowRight,
  IconPlus,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecords, vault, type StoredRecord } from '../../storage';
import { navigate, type TopLevelRoute } from '../../shared/ui/router';
import { NEW_CASE_HREF } from '../cases';

/**
 * The palette's own store (not Mantine's module default, which nothing can reach to clear): its
 * query is what the coordinator typed, often a code name, so it is closed and emptied at lock.
 */
export const [searchStore, search] = createSpotlight();
vault.onLockChange((state) => {
  if (state === 'locked') {
    searchStore.setState({ ...searchStore.getState(), opened: false, query: '', selected: -1 });
  }
});

const PAGES: TopLevelRoute[] = ['dashboard', 'cases', 'hosts', 'map', 'budget', 'settings'];

function text(record: StoredRecord, field: string): string {
  const value = record[field];
  return typeof value === 'string' ? value : '';
}

export function SearchSpotlight() {
  const { t } = useTranslation();
  const cases = useRecords('cases');
  const people = useRecords('people');
  const hosts = useRecords('hosts');
  // The actions (one per case, person and host: thousands) are built only while the palette is
  // open; closed, it holds none, so record changes cost nothing here.
  const { opened } = useSpotlight(searchStore);

  const actions = useMemo<SpotlightActionGroupData[]>(() => {
    if (!opened) return [];
    const caseName = new Map(cases.map((c) => [c.id, text(c, 'codeName')]));
    return [
      {
        group: t('search.groups.cases'),
        actions: cases.map((c) => ({
          id: `case-${c.id}`,
          label: text(c, 'codeName'),
          description: t(`status.${text(c, 'status')}`),
          leftSection: <IconBriefcase size={18} aria-hidden />,
          onClick: () => navigate({ name: 'case', caseId: c.id, tab: null }),
        })),
      },
      {
        group: t('search.groups.people'),
        actions: people.map((p) => ({
          id: `person-${p.id}`,
          label: text(p, 'codeName'),
          description: t('search.personOf', { caseName: caseName.get(text(p, 'caseId')) ?? '' }),
          leftSection: <IconUser size={18} aria-hidden />,
          onClick: () => navigate({ name: 'case', caseId: text(p, 'caseId'), tab: 'people' }),
        })),
      },
      {
        group: t('search.groups.hosts'),
        actions: hosts.map((h) => ({
          id: `host-${h.id}`,
          label: text(h, 'codeName'),
          description: text(h, 'city'),
          leftSection: <IconHome2 size={18} aria-hidden />,
          onClick: () => navigate({ name: 'host', hostId: h.id }),
        })),
      },
      {
        group: t('search.groups.commands'),
        actions: [
          {
            id: 'new-case',
            label: t('search.newCase'),
            leftSection: <IconPlus size={18} aria-hidden />,
            onClick: () => {
              window.location.hash = NEW_CASE_HREF;
            },
          },
          ...PAGES.map((page) => ({
            id: `go-${page}`,
            label: t('search.goTo', { page: t(`nav.${page}`) }),
            leftSection: <IconArrowRight size={18} aria-hidden />,
            onClick: () => navigate({ name: page }),
          })),
          {
            id: 'lock',
            label: t('search.lock'),
            leftSection: <IconLock size={18} aria-hidden />,
            onClick: () => vault.lock(),
          },
        ],
      },
    ];
  }, [opened, cases, people, hosts, t]);

  const nameDialog = (): void => {
    requestAnimationFrame(() =>
      document.querySelector('.haven-spotlight')?.setAttribute('aria-label', t('search.open')),
    );
  };

  return (
    <Spotlight
      store={searchStore}
      actions={actions}
      shortcut={['mod + K']}
      limit={12}
      nothingFound={t('search.nothing')}
      highlightQuery
      scrollable
      maxHeight={420}
      classNames={{ content: 'haven-spotlight' }}
      // Mantine names a dialog only through a visible title, which the palette has none of:
      // name it for screen readers once it is in the DOM.
      onSpotlightOpen={nameDialog}
      // The result list scrolls; its viewport takes focus so keyboard users can scroll it too.
      scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('search.results') } }}
      searchProps={{
        leftSection: <IconSearch size={18} aria-hidden />,
        placeholder: t('search.placeholder'),
        'aria-label': t('search.open'),
        autoComplete: 'off',
      }}
    />
  );
}

/** The header button that opens the palette, showing its shortcut. */
export function SearchButton() {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconSearch size={14} aria-hidden />}
      rightSection={<Kbd size="xs">Ctrl K</Kbd>}
      onClick={() => search.open()}
      aria-label={t('search.openShortcut')}
    >
      {t('search.open')}
    </Button>
  );
}
