/**
 * The print preview: the pack as it prints, over the whole window, with a toolbar (hidden in
 * print) to save it as a PDF through the platform seam or close it. Saving runs once at a time:
 * a second press while it runs does nothing, and the button says it is busy.
 */
import { Alert, Button, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PackContent } from '../../domain/itinerary';
import { fileSlug } from '../../domain/file-name';
import type { IsoDate } from '../../domain/time';
import { platform, type PageSize, type Platform } from '../../platform';
import type { HostLocation } from '../../domain/entities';
import { loadBasemap, renderRouteMapSvg, routeMapLabels } from '../map';
import { PackDocument } from './PackDocument';
import { pageRule } from './page-style';
import './pack.css';

export interface PackPreviewProps {
  readonly content: PackContent;
  readonly packT: TFunction;
  readonly language: string;
  readonly paper: PageSize;
  readonly printDate: IsoDate;
  readonly contacts: readonly string[];
  readonly onClose: () => void;
  /** Hosts by id, for the route map's stays. */
  readonly hosts: ReadonlyMap<string, HostLocation>;
  /** The seam to print through (tests may pass their own). */
  readonly seam?: Platform;
}

/**
 * The static route map of each case in the pack, drawn from the pack's own selection only (its
 * legs and stays, travellers limited to the pack's people), redacted when the pack is.
 */
export function packRouteMaps(
  content: PackContent,
  hosts: ReadonlyMap<string, HostLocation>,
  options: Omit<Parameters<typeof renderRouteMapSvg>[1], 'redact'>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of content.cases) {
    const ids = new Set<string>(c.people.map((p) => p.id));
    const source = {
      case: { codeName: c.codeName },
      people: c.people,
      legs: c.legs.map((l) => ({
        ...l.leg,
        travellerIds: l.leg.travellerIds.filter((id) => ids.has(id)),
      })),
      stays: c.stays.map((s) => ({
        ...s.stay,
        personIds: s.stay.personIds.filter((id) => ids.has(id)),
      })),
    };
    out.set(
      c.caseId,
      renderRouteMapSvg({ bundle: source, hosts }, { ...options, redact: content.redactAddresses }),
    );
  }
  return out;
}

/** "itinerary-cedar-traveller-2026-12-02.pdf": code names only (domain/file-name.ts). */
export function packFileName(content: PackContent, printDate: IsoDate): string {
  const names = fileSlug(content.cases.map((c) => c.codeName).join(' '), 'pack');
  return `itinerary-${names}-${content.variant.kind}-${printDate}.pdf`;
}

export function PackPreview(props: PackPreviewProps) {
  const { content, packT: pt, language, paper, printDate, onClose } = props;
  const { t } = useTranslation();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [basemap, setBasemap] = useState<Awaited<ReturnType<typeof loadBasemap>> | null>(null);
  const [mapFailed, setMapFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadBasemap('110m').then(
      (b) => live && setBasemap(b),
      () => live && setMapFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const maps = useMemo(
    () =>
      basemap ? packRouteMaps(content, props.hosts, { basemap, labels: routeMapLabels(pt) }) : null,
    [basemap, content, props.hosts, pt],
  );
  const ready = maps !== null || mapFailed;

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !running.current) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const footer = [
    pt('itinerary.print.confidential'),
    content.cases.map((c) => c.codeName).join(', '),
    pt('itinerary.print.printed', { date: printDate }),
  ].join(' · ');

  async function save(): Promise<void> {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setNote(null);
    try {
      const seam = props.seam ?? platform();
      const result = await seam.printToPdf({
        suggestedName: packFileName(content, printDate),
        pageSize: paper,
      });
      if (result.kind === 'pdf-saved') {
        notifications.show({
          color: 'teal',
          message: result.path
            ? t('itinerary.preview.saved', { path: result.path })
            : t('itinerary.preview.savedNoPath'),
        });
      } else if (result.kind === 'cancelled') {
        setNote(t('itinerary.preview.cancelled'));
      } else {
        setNote(result.message);
      }
    } catch {
      notifications.show({
        color: 'red',
        message: t('itinerary.preview.failed'),
        autoClose: false,
      });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return createPortal(
    <div
      className="haven-pack-preview"
      role="dialog"
      aria-modal="true"
      aria-label={t('itinerary.preview.title')}
    >
      <style>
        {pageRule(
          paper,
          footer,
          pt('itinerary.print.page', { page: '{{page}}', pages: '{{pages}}' }),
        )}
      </style>
      <div className="haven-pack-toolbar">
        <Text fw={700}>{t('itinerary.preview.title')}</Text>
        <Button
          leftSection={busy ? <Loader size={14} /> : <IconFileTypePdf size={16} aria-hidden />}
          onClick={() => void save()}
          disabled={busy || !ready}
          aria-busy={busy || !ready}
        >
          {busy ? t('itinerary.preview.saving') : t('itinerary.preview.save')}
        </Button>
        <Button
          ref={closeRef}
          variant="default"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={onClose}
          disabled={busy}
        >
          {t('itinerary.preview.close')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('itinerary.preview.notEncrypted')}
        </Text>
        {busy && (
          <Text size="sm" role="status">
            {t('itinerary.preview.saving')}
          </Text>
        )}
        {note && (
          <Alert color="blue" variant="light" p="xs" role="status">
            {note}
          </Alert>
        )}
      </div>
      <div className="pack-document-frame" data-paper={paper}>
        <PackDocument
          content={content}
          t={pt}
          language={language}
          printDate={printDate}
          contacts={props.contacts}
          maps={maps}
        />
      </div>
    </div>,
    document.body,
  );
}
