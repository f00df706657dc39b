/**
 * People: the principal and dependants of a case, minors flagged, travel documents and visas.
 * Add, edit (also from a plan-check link, with the field to fix focused) and delete with a
 * confirmation that says which legs, stays and visas depend on the person.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabToolbar } from '../../shared/ui/TabToolbar';
import { RecordTable } from '../../shared/ui/RecordTable';
import { ageOn, isMinorOn, type Person, type Visa } from '../../domain/entities';
import { ConfirmDestructive } from '../../shared/ui/ConfirmDestructive';
import { today } from '../../shared/ui/today';
import { showUndoNotification } from '../../shared/ui/undo-notification';
import { useOpenOnFocusRequest } from '../../shared/ui/use-focus-request';
import { personDependents, type CaseBundle } from '../../domain/planning';
import { deletePerson } from './data';
import { PersonDialog } from './PersonDialog';
import { VisaDialog } from './VisaDialog';

type Editing =
  | { kind: 'person'; person: Person | null; focus: string | null }
  | { kind: 'visa'; person: Person; visa: Visa | null; focus: string | null };

export function PeopleTab({ bundle }: { bundle: CaseBundle }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const { people, visas, legs, stays } = bundle;
  // A visa's form needs its person: only visas whose person is loaded can be opened.
  const visasWithPerson = useMemo(() => {
    const byId = new Map(people.map((p) => [p.id, p]));
    return visas.flatMap((visa) => {
      const person = byId.get(visa.personId);
      return person ? [{ id: visa.id, visa, person }] : [];
    });
  }, [visas, people]);
  useOpenOnFocusRequest('people', people, (person, focus) =>
    setEditing({ kind: 'person', person, focus }),
  );
  useOpenOnFocusRequest('visas', visasWithPerson, ({ visa, person }, focus) =>
    setEditing({ kind: 'visa', person, visa, focus }),
  );

  const day = today();
  const hasPrincipal = people.some((p) => p.role === 'principal');
  const deps = deleting ? personDependents(deleting, legs, stays, visas) : null;

  return (
    <Stack gap="sm">
      <TabToolbar
        summary={
          people.length === 0
            ? t('people.emptyHint')
            : `${t('people.summary', { count: people.length })} · ${t('people.minors', { count: people.filter((p) => isMinorOn(p, day)).length })}`
        }
        addLabel={hasPrincipal ? t('people.addDependant') : t('people.addPrincipal')}
        onAdd={() => setEditing({ kind: 'person', person: null, focus: null })}
      />
      {people.length > 0 && (
        <RecordTable
          label={t('people.tableLabel')}
          head={
            <>
              <Table.Th>{t('people.columns.codeName')}</Table.Th>
              <Table.Th>{t('people.columns.role')}</Table.Th>
              <Table.Th>{t('people.columns.age')}</Table.Th>
              <Table.Th>{t('people.columns.nationality')}</Table.Th>
              <Table.Th>{t('people.columns.document')}</Table.Th>
              <Table.Th>{t('people.columns.visas')}</Table.Th>
              <Table.Th w={150}>
                <VisuallyHidden>{t('people.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {people.map((p) => {
            const age = ageOn(p, day);
            const minor = isMinorOn(p, day);
            const personVisas = visas.filter((v) => v.personId === p.id);
            return (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {p.codeName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t(`people.role.${p.role}`)}
                  {p.role === 'dependant' && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {t(`people.relationship.${p.relationship}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm">{age === null ? '—' : age}</Text>
                    {minor && (
                      <Badge
                        color="grape"
                        size="xs"
                        variant="filled"
                        style={{ textTransform: 'none' }}
                      >
                        {t('people.minor')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{p.nationality ?? '—'}</Table.Td>
                <Table.Td>
                  {p.travelDocument ? (
                    <Text size="sm">
                      {t(`people.documentType.${p.travelDocument.type}`)} ·{' '}
                      {t('people.expires', { date: p.travelDocument.expiry })}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('people.noDocument')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {personVisas.map((v) => (
                      <Badge
                        key={v.id}
                        component="button"
                        type="button"
                        size="xs"
                        variant="light"
                        color={
                          v.status === 'granted' || v.status === 'not_needed'
                            ? 'teal'
                            : v.status === 'refused'
                              ? 'red'
                              : 'yellow'
                        }
                        style={{ textTransform: 'none', cursor: 'pointer' }}
                        aria-label={t('people.visa.editLabel', {
                          country: v.country,
                          name: p.codeName,
                        })}
                        onClick={() =>
                          setEditing({ kind: 'visa', person: p, visa: v, focus: null })
                        }
                      >
                        {v.country} · {t(`people.visa.statuses.${v.status}`)}
                      </Badge>
                    ))}
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() =>
                        setEditing({ kind: 'visa', person: p, visa: null, focus: null })
                      }
                      aria-label={t('people.visa.addLabel', { name: p.codeName })}
                    >
                      {t('people.visa.add')}
                    </Button>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label={t('people.edit')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('people.editLabel', { name: p.codeName })}
                        onClick={() => setEditing({ kind: 'person', person: p, focus: null })}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('people.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('people.deleteLabel', { name: p.codeName })}
                        onClick={() => setDeleting(p)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </RecordTable>
      )}
      {editing?.kind === 'person' && (
        <PersonDialog
          caseId={bundle.case.id}
          person={editing.person}
          newRole={hasPrincipal ? 'dependant' : 'principal'}
          focus={editing.focus}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'visa' && (
        <VisaDialog
          person={editing.person}
          visa={editing.visa}
          focus={editing.focus}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && deps && (
        <ConfirmDestructive
          opened
          title={t('people.deleteTitle', { name: deleting.codeName })}
          name={deleting.codeName}
          consequences={[
            t('people.deleteWhat.person', { name: deleting.codeName }),
            ...(deps.visas.length
              ? [t('people.deleteWhat.visas', { count: deps.visas.length })]
              : []),
            ...(deps.legsShared.length
              ? [t('people.deleteWhat.legsShared', { count: deps.legsShared.length })]
              : []),
            ...(deps.legsAlone.length
              ? [t('people.deleteWhat.legsAlone', { count: deps.legsAlone.length })]
              : []),
            ...(deps.staysShared.length
              ? [t('people.deleteWhat.staysShared', { count: deps.staysShared.length })]
              : []),
            ...(deps.staysAlone.length
              ? [t('people.deleteWhat.staysAlone', { count: deps.staysAlone.length })]
              : []),
          ]}
          confirmLabel={t('people.deleteConfirm')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const undo = await deletePerson(deleting, deps);
            showUndoNotification(t, t('people.deleted', { name: deleting.codeName }), undo);
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}
