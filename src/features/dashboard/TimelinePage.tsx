/**
 * The timeline across cases: one row per open case, stays as bars, legs and reviews as marks on a
 * date axis, zoomable from weeks to months. Rows are virtualised (@tanstack/react-virtual), so
 * thousands of cases scroll smoothly; only the rows in view are in the page.
 *
 * Keyboard: the row list is one tab stop; ↑/↓ (Page Up/Down, Home/End) move between cases, Enter
 * opens the case, ←/→ scroll the dates by a week (a month when zoomed out), + and − zoom, T goes to
 * today.
 */
import { Button, Group, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { DateTime } from 'luxon';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { buildTimeline, type TimelineRow } from '../../domain/timeline';
import { daysBetween, type IsoDate } from '../../domain/time';
import { hrefFor, navigate } from '../../shared/ui/router';
import { STATUS_COLOURS } from '../../shared/ui/StatusBadge';
import { usePlanningIndex } from '../../storage';
import { useCoordinatorToday } from '../checkpoints';
import { rowTexts, type RowText } from './timeline-text';
import './timeline.css';

type Zoom = 'weeks' | 'months';
const PX_PER_DAY: Record<Zoom, number> = { weeks: 18, months: 4 };
const ROW = 30;
const NAME_W = 200;

/** The date axis; memoised, so scrolling the rows never recomputes its ticks. */
const Axis = memo(function Axis({
  from,
  to,
  px,
  zoom,
}: {
  from: IsoDate;
  to: IsoDate;
  px: number;
  zoom: Zoom;
}) {
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
});

/**
 * A mark's tooltip (`data-mark` is "s", "l" or "r" and its index in the row's stays, legs or
 * reviews), written when the pointer reaches it rather than for every row that scrolls past. The
 * same facts are in the row's accessible label and on the case page.
 */
function markTitle(t: TFunction, row: TimelineRow, mark: string): string {
  const i = Number(mark.slice(1));
  if (mark[0] === 's') {
    const st = row.stays[i];
    return st ? t('timeline.stay', { host: st.host, from: st.from, to: st.to }) : '';
  }
  if (mark[0] === 'l') {
    const l = row.legs[i];
    return l ? t('timeline.leg', { label: l.label, day: l.day }) : '';
  }
  const r = row.reviews[i];
  return r
    ? t('timeline.review', {
        kind: t(`checkpoints.kind.${r.kind}`),
        day: r.day,
        state: t(`timeline.state.${r.state}`),
      })
    : '';
}

/**
 * One case's row. Memoised and built from plain elements (no Mantine components, no hooks): while
 * scrolling, a dozen rows mount each frame and the rest must cost nothing.
 */
const TimelineRowView = memo(function TimelineRowView({
  row,
  text,
  t,
  index,
  top,
  width,
  from,
  px,
  isActive,
  onPick,
}: {
  row: TimelineRow;
  text: RowText;
  t: TFunction;
  index: number;
  top: number;
  width: number;
  from: IsoDate;
  px: number;
  isActive: boolean;
  onPick: (index: number) => void;
}) {
  const colour = STATUS_COLOURS[row.status];
  const x = (d: IsoDate) => daysBetween(from, d) * px;
  return (
    <div
      id={`tl-row-${row.caseId}`}
      role="option"
      aria-selected={isActive}
      aria-label={text.label(row)}
      className={isActive ? 'haven-tl-row haven-tl-active' : 'haven-tl-row'}
      style={{ top, height: ROW, width: NAME_W + width }}
      onClick={() => onPick(index)}
    >
      <div className="haven-tl-name" style={{ width: NAME_W }}>
        <a
          href={hrefFor({ name: 'case', caseId: row.caseId, tab: null })}
          tabIndex={-1}
          className="haven-tl-link haven-ellipsis"
        >
          {row.codeName}
        </a>
        <span
          className="haven-tl-status"
          style={{
            backgroundColor: `var(--mantine-color-${colour}-light)`,
            color: `var(--mantine-color-${colour}-light-color)`,
          }}
        >
          {text.status(row)}
        </span>
      </div>
      <div
        className="haven-tl-lane"
        style={{ left: NAME_W, width }}
        onPointerOver={(e) => {
          const el = e.target as HTMLElement;
          const mark = el.dataset.mark;
          if (mark) el.title = markTitle(t, row, mark);
        }}
      >
        {row.stays.map((st, i) => (
          <span
            key={`s${i}`}
            className="haven-tl-stay"
            style={{ left: x(st.from), width: Math.max(2, x(st.to) - x(st.from)) }}
            data-mark={`s${i}`}
          />
        ))}
        {row.legs.map((l, i) => (
          <span
            key={`l${i}`}
            className="haven-tl-leg"
            style={{ left: x(l.day) + px / 2 - 5 }}
            data-mark={`l${i}`}
          />
        ))}
        {row.reviews.map((r, i) => (
          <span
            key={`r${i}`}
            className={`haven-tl-review haven-tl-${r.state}`}
            style={{ left: x(r.day) + px / 2 - 5 }}
            data-mark={`r${i}`}
          />
        ))}
      </div>
    </div>
  );
});

/**
 * The scrolling rows, apart from the page's header: scrolling re-renders only this (the virtualizer
 * renders on every scroll event), not the title, the zoom control and the legend above it.
 */
const TimelineGrid = memo(function TimelineGrid({
  scroller,
  rows,
  from,
  to,
  zoom,
  todayX,
  textOf,
  setZoom,
  goToday,
}: {
  scroller: RefObject<HTMLDivElement | null>;
  rows: readonly TimelineRow[];
  from: IsoDate;
  to: IsoDate;
  zoom: Zoom;
  todayX: number;
  textOf: RowText;
  setZoom: (zoom: Zoom) => void;
  goToday: () => void;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const px = PX_PER_DAY[zoom];
  const width = (daysBetween(from, to) + 1) * px;
  // The virtualizer re-renders the rows itself; the compiler skipping this component loses nothing.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 8,
  });
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
    e.preventDefault();
  };
  const activeRow = rows[active];
  // Rows are keyed by their slot, not their case: a row scrolled out is reused for the one
  // scrolled in (its elements updated rather than thrown away and made anew), which keeps the
  // garbage collector's pauses out of scrolling. Any window of rows in view has distinct slots.
  const items = virtual.getVirtualItems();
  const slots = 2 ** Math.ceil(Math.log2(Math.max(64, items.length)));
  return (
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
        {items.map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          return (
            <TimelineRowView
              key={v.index % slots}
              row={row}
              text={textOf}
              t={t}
              index={v.index}
              top={ROW + v.start}
              width={width}
              from={from}
              px={px}
              isActive={v.index === active}
              onPick={setActive}
            />
          );
        })}
      </div>
    </div>
  );
});

export function TimelinePage() {
  const { t } = useTranslation();
  const { data } = usePlanningIndex();
  const day = useCoordinatorToday();
  const [zoom, setZoom] = useState<Zoom>('weeks');
  const timeline = useMemo(() => buildTimeline(data, day), [data, day]);
  const textOf = useMemo(() => rowTexts(t), [t]);
  const { rows, from, to } = timeline;
  const px = PX_PER_DAY[zoom];
  const todayX = daysBetween(from, day) * px;
  const scroller = useRef<HTMLDivElement>(null);
  const goToday = useCallback((): void => {
    const el = scroller.current;
    if (el) el.scrollLeft = Math.max(0, todayX - (el.clientWidth - NAME_W) / 3);
  }, [todayX]);
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
        <TimelineGrid
          scroller={scroller}
          rows={rows}
          from={from}
          to={to}
          zoom={zoom}
          todayX={todayX}
          textOf={textOf}
          setZoom={setZoom}
          goToday={goToday}
        />
      )}
    </Stack>
  );
}
