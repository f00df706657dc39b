/**
 * "Print itinerary pack": the coordinator picks the copy (coordinator, or traveller for one
 * person or a family unit), which legal names to print, whether host locations are left out, the
 * cases, paper and language; the dialog says what that copy contains before anything is shown,
 * then opens the print preview. Ctrl/Cmd+P on a case page opens it too.
 */
import {
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  packSummary,
  selectPack,
  travellerUnit,
  type PackContent,
  type PackSummary,
} from '../../domain/itinerary';
import type { Person } from '../../domain/entities';
import type { PersonId } from '../../domain/ids';
import type { CaseBundle } from '../../domain/planning';
import type { PageSize } from '../../platform';
import { usePlanningIndex } from '../../storage';
import { today } from '../../shared/ui/today';
import { PackPreview } from './PackPreview';
import { languageName, packLanguages, packT } from './pack-text';

type VariantKind = 'coordinator' | 'traveller';

/** Principal first, then by code name: the order of the case page and of the pack. */
function principalFirst(a: Person, b: Person): number {
  if (a.role !== b.role) return a.role === 'principal' ? -1 : 1;
  return a.codeName.localeCompare(b.codeName);
}

function SummaryList({ s }: { s: PackSummary }) {
  const { t } = useTranslation();
  const list = (items: readonly string[]) => items.join(', ');
  return (
    <List size="sm" spacing={2} aria-label={t('itinerary.dialog.contains')}>
      <List.Item>
        {s.variant === 'coordinator'
          ? t('itinerary.summary.coordinator', { cases: list(s.cases) })
          : t('itinerary.summary.traveller', { people: list(s.people), cases: list(s.cases) })}
      </List.Item>
      <List.Item>{t('itinerary.summary.people', { list: list(s.people) })}</List.Item>
      <List.Item>
        {t('itinerary.summary.legs', { count: s.legs })} ·{' '}
        {t('itinerary.summary.stays', { count: s.stays })}
      </List.Item>
      <List.Item>
        {s.documentsOf.length > 0
          ? t('itinerary.summary.documents', { list: list(s.documentsOf) })
          : t('itinerary.summary.noDocuments')}
      </List.Item>
      <List.Item>
        {s.legalNamesOf.length > 0
          ? t('itinerary.summary.legalNames', { list: list(s.legalNamesOf) })
          : t('itinerary.summary.noLegalNames')}
      </List.Item>
      <List.Item>
        {s.budget ? t('itinerary.summary.budget') : t('itinerary.summary.noBudget')}
      </List.Item>
      {s.hostLocations !== 'none' && (
        <List.Item>
          {s.hostLocations === 'redacted'
            ? t('itinerary.summary.hostsRedacted')
            : t('itinerary.summary.hostsShown')}
        </List.Item>
      )}
      {s.variant === 'traveller' && <List.Item>{t('itinerary.summary.noOtherCase')}</List.Item>}
    </List>
  );
}

interface PreviewState {
  readonly content: PackContent;
  readonly language: string;
  readonly paper: PageSize;
  readonly contacts: string[];
}

/** The case page's "Print itinerary pack" button, its dialog and its preview. */
export function PrintPackButton({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const { bundles, hostsById } = usePlanningIndex();
  const [opened, setOpened] = useState(false);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [caseIds, setCaseIds] = useState<string[]>([caseId]);
  const [variant, setVariant] = useState<VariantKind>('coordinator');
  const [personId, setPersonId] = useState<string | null>(null);
  const [withMinors, setWithMinors] = useState(true);
  const [legalNames, setLegalNames] = useState<string[]>([]);
  const [redact, setRedact] = useState(false);
  const [paper, setPaper] = useState<PageSize>('A4');
  const languages = packLanguages(i18n.language);
  const [language, setLanguage] = useState<string>(languages[0] ?? 'en');
  const [contacts, setContacts] = useState('');
  const printDate = today();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p' && !preview) {
        e.preventDefault();
        setOpened(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [preview]);

  const chosen = useMemo(() => caseIds.flatMap((id) => bundles.get(id) ?? []), [caseIds, bundles]);
  const travellerCandidates = chosen.flatMap((b) =>
    [...b.people].sort(principalFirst).map((p) => ({
      value: p.id,
      label:
        chosen.length > 1
          ? t('itinerary.dialog.personInCase', { person: p.codeName, case: b.case.codeName })
          : p.codeName,
    })),
  );
  const ownBundle: CaseBundle | undefined = chosen.find((b) =>
    b.people.some((p) => p.id === personId),
  );
  // People this copy may name: everyone of the chosen cases, or the traveller's unit.
  const included = useMemo(() => {
    if (variant === 'coordinator') return chosen.flatMap((b) => [...b.people].sort(principalFirst));
    if (!ownBundle || !personId) return [];
    const unit = travellerUnit(ownBundle, personId, withMinors, printDate);
    return ownBundle.people.filter((p) => unit.has(p.id)).sort(principalFirst);
  }, [variant, chosen, ownBundle, personId, withMinors, printDate]);

  const content = useMemo<PackContent | null>(() => {
    if (chosen.length === 0) return null;
    if (variant === 'traveller' && !personId) return null;
    return selectPack(chosen, hostsById, {
      variant:
        variant === 'coordinator'
          ? { kind: 'coordinator' }
          : { kind: 'traveller', personId: personId as PersonId, withMinors },
      legalNamesFor: new Set(legalNames.filter((id) => included.some((p) => p.id === id))),
      redactAddresses: redact,
      today: printDate,
    });
  }, [chosen, hostsById, variant, personId, withMinors, legalNames, included, redact, printDate]);
  const summary = content ? packSummary(content) : null;

  const caseOptions = [...bundles.values()].map((b) => ({
    value: b.case.id,
    label: b.case.codeName,
  }));
  const problem =
    chosen.length === 0
      ? t('itinerary.dialog.noCases')
      : variant === 'traveller' && !personId
        ? t('itinerary.dialog.noTraveller')
        : null;

  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPrinter size={14} aria-hidden />}
        onClick={() => setOpened(true)}
        title={t('itinerary.shortcutHint')}
      >
        {t('itinerary.action')}
      </Button>
      <Modal
        opened={opened && !preview}
        onClose={() => setOpened(false)}
        title={t('itinerary.dialog.title')}
        size="min(1100px, 94vw)"
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            <Radio.Group
              label={t('itinerary.dialog.variant')}
              value={variant}
              onChange={(v) => setVariant(v as VariantKind)}
            >
              <Group gap="lg" mt={4}>
                <Radio value="coordinator" label={t('itinerary.dialog.coordinator')} />
                <Radio value="traveller" label={t('itinerary.dialog.traveller')} />
              </Group>
            </Radio.Group>
            {variant === 'coordinator' ? (
              <MultiSelect
                label={t('itinerary.dialog.cases')}
                description={t('itinerary.dialog.casesHint')}
                data={caseOptions}
                value={caseIds}
                onChange={setCaseIds}
                searchable
              />
            ) : (
              <>
                <Select
                  label={t('itinerary.dialog.travellerPerson')}
                  description={t('itinerary.dialog.travellerPersonHint')}
                  data={travellerCandidates}
                  value={personId}
                  onChange={setPersonId}
                  allowDeselect={false}
                />
                <Checkbox
                  label={t('itinerary.dialog.withMinors')}
                  checked={withMinors}
                  onChange={(e) => setWithMinors(e.currentTarget.checked)}
                />
              </>
            )}
            {included.some((p) => p.legalName) && (
              <Checkbox.Group
                label={t('itinerary.dialog.legalNames')}
                description={t('itinerary.dialog.legalNamesHint')}
                value={legalNames}
                onChange={setLegalNames}
              >
                <Group gap="md" mt={4}>
                  {included
                    .filter((p) => p.legalName)
                    .map((p) => (
                      <Checkbox key={p.id} value={p.id} label={p.codeName} />
                    ))}
                </Group>
              </Checkbox.Group>
            )}
            <Switch
              label={t('itinerary.dialog.redact')}
              description={t('itinerary.dialog.redactHint')}
              checked={redact}
              onChange={(e) => setRedact(e.currentTarget.checked)}
            />
            <Group grow align="flex-start">
              <Radio.Group
                label={t('itinerary.dialog.paper')}
                value={paper}
                onChange={(v) => setPaper(v === 'Letter' ? 'Letter' : 'A4')}
              >
                <Group gap="md" mt={4}>
                  <Radio value="A4" label="A4" />
                  <Radio value="Letter" label="US Letter" />
                </Group>
              </Radio.Group>
              <Select
                label={t('itinerary.dialog.language')}
                data={languages.map((l) => ({ value: l, label: languageName(l) }))}
                value={language}
                onChange={(v) => v && setLanguage(v)}
                allowDeselect={false}
              />
            </Group>
          </Stack>
          <Stack gap="sm">
            <Textarea
              label={t('itinerary.dialog.contacts')}
              description={t('itinerary.dialog.contactsHint')}
              value={contacts}
              onChange={(e) => setContacts(e.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={6}
            />
            <Stack gap={4} role="region" aria-label={t('itinerary.dialog.contains')}>
              <Text fw={700} size="sm">
                {t('itinerary.dialog.contains')}
              </Text>
              {summary ? <SummaryList s={summary} /> : <Text size="sm">{problem}</Text>}
              <Text size="sm" c="dimmed">
                {t('itinerary.dialog.notEncrypted')}
              </Text>
            </Stack>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('itinerary.dialog.cancel')}
              </Button>
              <Button
                disabled={!content}
                onClick={() =>
                  content &&
                  setPreview({
                    content,
                    language,
                    paper,
                    contacts: contacts
                      .split('\n')
                      .map((l) => l.trim())
                      .filter(Boolean),
                  })
                }
              >
                {t('itinerary.dialog.preview')}
              </Button>
            </Group>
          </Stack>
        </SimpleGrid>
      </Modal>
      {preview && (
        <PackPreview
          content={preview.content}
          packT={packT(preview.language)}
          language={preview.language}
          paper={preview.paper}
          printDate={printDate}
          contacts={preview.contacts}
          hosts={hostsById}
          onClose={() => setPreview(null)}
        />
      )}
    </>
  );
}
