/**
 * The frame around every screen: left navigation, a header with the colour scheme switch (and,
 * once the vault exists, its state and Lock button), and the page. Navigation items are links,
 * so Tab reaches them and Enter follows them; the current page is marked with aria-current.
 */
import type { ReactNode } from 'react';
import {
  AppShell,
  Burger,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  VisuallyHidden,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCash,
  IconHome2,
  IconLayoutDashboard,
  IconMap2,
  IconBriefcase,
  IconSettings,
  IconTimeline,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CountBadge } from './CountBadge';
import { hrefFor, topLevelOf, type Route, type TopLevelRoute } from './router';

const NAV_ITEMS: { route: TopLevelRoute; icon: typeof IconHome2 }[] = [
  { route: 'dashboard', icon: IconLayoutDashboard },
  { route: 'cases', icon: IconBriefcase },
  { route: 'hosts', icon: IconHome2 },
  { route: 'timeline', icon: IconTimeline },
  { route: 'map', icon: IconMap2 },
  { route: 'budget', icon: IconCash },
  { route: 'settings', icon: IconSettings },
];

export interface NavBadge {
  count: number;
  /** What the count means, for screen readers and the tooltip, e.g. "2 reviews overdue". */
  label: string;
}

export function AppFrame({
  route,
  headerStart,
  headerEnd,
  badges,
  children,
}: {
  route: Route;
  headerStart?: ReactNode;
  headerEnd?: ReactNode;
  /** Counts of what needs attention, shown beside a navigation item (nothing when zero). */
  badges?: Partial<Record<TopLevelRoute, NavBadge>>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const current = topLevelOf(route);

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main-content" className="haven-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.openNavigation')}
            />
            <Text fw={700}>{t('app.name')}</Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
            {headerStart}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <VisuallyHidden id="color-scheme-label">{t('app.colorScheme')}</VisuallyHidden>
            <SegmentedControl
              size="xs"
              aria-labelledby="color-scheme-label"
              value={colorScheme}
              onChange={(value) => setColorScheme(value as MantineColorScheme)}
              data={[
                { value: 'auto', label: t('app.colorSchemeAuto') },
                { value: 'light', label: t('app.colorSchemeLight') },
                { value: 'dark', label: t('app.colorSchemeDark') },
              ]}
            />
            {headerEnd}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={6} component="nav" aria-label={t('app.mainNavigation')}>
        {NAV_ITEMS.map(({ route: item, icon: Icon }) => (
          <NavLink
            key={item}
            href={hrefFor({ name: item } as Route)}
            label={t(`nav.${item}`)}
            // One name for the link, its count included ("Cases (2 reviews overdue)").
            aria-label={
              badges?.[item] && badges[item].count > 0
                ? `${t(`nav.${item}`)} (${badges[item].label})`
                : t(`nav.${item}`)
            }
            leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
            rightSection={
              badges?.[item] && badges[item].count > 0 ? (
                <CountBadge
                  count={badges[item].count}
                  max={99}
                  color="red"
                  title={badges[item].label}
                  aria-label={badges[item].label}
                />
              ) : undefined
            }
            active={current === item}
            aria-current={current === item ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
