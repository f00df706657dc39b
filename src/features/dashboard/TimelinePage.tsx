/**
 * The timeline across cases: one row per open case, stays as bars, legs and reviews as marks on a
 * date axis, zoomable from weeks to months. Rows are virtualised (@tanstack/react-virtual), so
 * thousands of cases scroll smoothly; only the rows in view are in the page.
 *
 * Keyboard: the row list is one tab stop; ↑/↓ (Page Up/Down, Home/End) move between cases, Enter
 * opens the case, ←/→ scroll the dates by a week (a month when zoomed out), + and − zoom, T goes to
 * today.
 */
import {
  Anchor,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { DateTime } from 'luxon';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTimeline, type TimelineRow } from '../../domain/timeline';
import { daysBetween, type IsoDate } from '../../domain/time';
import { hrefFor, navigate } from '../../shared/ui/router';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { usePlanningIndex } from '../../storage';
import { useCoordinatorToday } from '../checkpoints';
import './timeline.css';

type Zoom = 'weeks' | 'months';
const PX_PER_DAY: Record<Zoom, number> = { weeks: 18, months: 4 };
const ROW = 30;
const NAME_W = 200;

function Axis({ from, to, px, zoom }: { from: IsoDate; to: IsoDate; px: number; zoom: Zoom }) {
  const ticks: { left: number; label: string; major: boolean }[] = [];
  let d = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  if (zoom === 'weeks') d = d.startOf('week');
  else d = d.startOf('month');
  while (d <= end) {
    const left = daysBetween(from, d.toISODate() as IsoDate) * px;
    if (zoom === 'weeks') ticks.push({ left, label: d.toFormat('d LLL'), major: d.day <= 7 });
    else ticks.push({ left, label: d.toFormat('LLL yyyy'), major: d.month === 1 });
    d = zoom === 'weeks' ? d.plus({ weeks: 1 }) : d.plus({ months: 1 });
  }
  return (
    <div className="haven-tl-axis" aria-hidden>
      {ticks.map((tk) => (
        <span
          key={tk.left}
          className={tk.major ? 'haven-tl-tick haven-tl-major' : 'haven-tl-tick'}
          style={{ left: tk.left }}
        >
          {tk.label}
        </span>
      ))}
    </div>
  );
}

function RowMarks({ row, from, px }: { row: TimelineRow; from: IsoDate; px: number }) {
  const { t } = useTranslation();
  const x = (d: IsoDate) => daysBetween(from, d) * px;
  return (
    <>
      {row.stays.map((s, i) => (
        <span
          key={`s${i}`}
          className="haven-tl-stay"
          style={{ left: x(s.from), width: Math.max(2, x(s.to) - x(s.from)) }}
          title={t('timeline.stay', { host: s.host, from: s.from, to: s.to })}
        />
      ))}
      {row.legs.map((l, i) => (
        <span
          key={`l${i}`}
          className="haven-tl-leg"
          style={{ left: x(l.day) + px / 2 - 5 }}
          title={t('timeline.leg', { label: l.label, day: l.day })}
        />
      ))}
      {row.reviews.map((r, i) => (
        <span
          key={`r${i}`}
          className={`haven-tl-review haven-tl-${r.state}`}
          style={{ left: x(r.day) + px / 2 - 5 }}
          title={t('timeline.review', {
            kind: t(`checkpoints.kind.${r.kind}`),
            day: r.day,
            state: t(`timeline.state.${r.state}`),
          })}
        />
      ))}
    </>
  );
}

export function TimelinePage() {
  const { t } = useTranslation();
  const { data } = usePlanningIndex();
  const day = useCoordinatorToday();
  const [zoom, setZoom] = useState<Zoom>('weeks');
  const [active, setActive] = useState(0);
  const timeline = useMemo(() => buildTimeline(data, day), [data, day]);
  const { rows, from, to } = timeline;
  const px = PX_PER_DAY[zoom];
  const width = (daysBetween(from, to) + 1) * px;
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders the rows itself; the compiler skipping this component loses nothing.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 8,
  });
  const todayX = daysBetween(from, day) * px;
  const goToday = (): void => {
    const el = scroller.current;
    if (el) el.scrollLeft = Math.max(0, todayX - (el.clientWidth - NAME_W) / 3);
  };
  // Start at today; keep today in place when zooming.
  useLayoutEffect(goToday, [zoom]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (active >= rows.length && rows.length > 0) setActive(rows.length - 1);
  }, [rows.length, active]);

  const move = (to: number): void => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    virtual.scrollToIndex(next, { align: 'auto' });
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const el = scroller.current;
    const page = Math.max(1, Math.floor((el?.clientHeight ?? 300) / ROW) - 1);
    const step = (zoom === 'weeks' ? 7 : 30) * px;
    const handled = true;
    switch (e.key) {
      case 'ArrowDown':
        move(active + 1);
        break;
      case 'ArrowUp':
        move(active - 1);
        break;
      case 'PageDown':
        move(active + page);
        break;
      case 'PageUp':
        move(active - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'ArrowRight':
        if (el) el.scrollLeft += step;
        break;
      case 'ArrowLeft':
        if (el) el.scrollLeft -= step;
        break;
      case '+':
      case '=':
        setZoom('weeks');
        break;
      case '-':
        setZoom('months');
        break;
      case 't':
      case 'T':
        goToday();
        break;
      case 'Enter': {
        const row = rows[active];
        if (row) navigate({ name: 'case', caseId: row.caseId, tab: null });
        break;
      }
      default:
        return;
    }
    if (handled) e.preventDefault();
  };
  const activeRow = rows[active];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>{t('timeline.title')}</Title>
        <Group gap="sm">
          <VisuallyHidden id="timeline-zoom-label">{t('timeline.zoom')}</VisuallyHidden>
          <SegmentedControl
            size="xs"
            aria-labelledby="timeline-zoom-label"
            value={zoom}
            onChange={(v) => setZoom(v as Zoom)}
            data={[
              { value: 'weeks', label: t('timeline.weeks') },
              { value: 'months', label: t('timeline.months') },
            ]}
          />
          <Button size="xs" variant="default" onClick={goToday}>
            {t('timeline.today')}
          </Button>
        </Group>
      </Group>
      <Group gap="lg">
        <Text size="xs" c="dimmed">
          {t('timeline.keys')}
        </Text>
        <Group gap="sm" aria-hidden>
          <span className="haven-tl-legend haven-tl-stay-legend" />{' '}
          <Text size="xs">{t('timeline.legendStay')}</Text>
          <span className="haven-tl-legend haven-tl-leg-legend" />{' '}
          <Text size="xs">{t('timeline.legendLeg')}</Text>
          <span className="haven-tl-legend haven-tl-review haven-tl-due" />{' '}
          <Text size="xs">{t('timeline.state.due')}</Text>
          <span className="haven-tl-legend haven-tl-review haven-tl-overdue" />{' '}
          <Text size="xs">{t('timeline.state.overdue')}</Text>
          <span className="haven-tl-legend haven-tl-review haven-tl-decided" />{' '}
          <Text size="xs">{t('timeline.state.decided')}</Text>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text>{t('timeline.empty')}</Text>
      ) : (
        <div
          ref={scroller}
          className="haven-tl"
          role="listbox"
          tabIndex={0}
          aria-label={t('timeline.label', { count: rows.length })}
          aria-activedescendant={activeRow ? `tl-row-${activeRow.caseId}` : undefined}
          onKeyDown={onKey}
          data-testid="timeline-scroller"
        >
          <div
            style={{
              width: NAME_W + width,
              height: virtual.getTotalSize() + ROW,
              position: 'relative',
            }}
          >
            <div className="haven-tl-head" style={{ width: NAME_W + width }}>
              <div className="haven-tl-corner" style={{ width: NAME_W }}>
                {t('timeline.cases', { count: rows.length })}
              </div>
              <div style={{ position: 'relative', marginLeft: NAME_W, width }}>
                <Axis from={from} to={to} px={px} zoom={zoom} />
              </div>
            </div>
            <div
              className="haven-tl-today"
              style={{ left: NAME_W + todayX + px / 2, height: virtual.getTotalSize() + ROW }}
              aria-hidden
            />
            {virtual.getVirtualItems().map((v) => {
              const row = rows[v.index];
              if (!row) return null;
              const isActive = v.index === active;
              return (
                <div
                  key={row.caseId}
                  id={`tl-row-${row.caseId}`}
                  role="option"
                  aria-selected={isActive}
                  aria-label={t('timeline.rowLabel', {
                    name: row.codeName,
                    status: t(`status.${row.status}`),
                    from: row.start ?? '…',
                    to: row.end ?? '…',
                  })}
                  className={isActive ? 'haven-tl-row haven-tl-active' : 'haven-tl-row'}
                  style={{ top: ROW + v.start, height: ROW, width: NAME_W + width }}
                  onClick={() => setActive(v.index)}
                >
                  <div className="haven-tl-name" style={{ width: NAME_W }}>
                    <Anchor
                      href={hrefFor({ name: 'case', caseId: row.caseId, tab: null })}
                      size="sm"
                      tabIndex={-1}
                      className="haven-ellipsis"
                    >
                      {row.codeName}
                    </Anchor>
                    <StatusBadge status={row.status} size="xs" />
                  </div>
                  <div className="haven-tl-lane" style={{ left: NAME_W, width }}>
                    <RowMarks row={row} from={from} px={px} />
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </Stack>
  );
}
