/** "?" lists the keyboard shortcuts; Esc closes it. Shown on Mac with Cmd, elsewhere with Ctrl. */
import { Kbd, Modal, Table } from '@mantine/core';
import { useDisclosure, useHotkeys, useOs } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const mod = useOs() === 'macos' ? 'Cmd' : 'Ctrl';
  useHotkeys([['shift+?', open]]);
  const rows: [string[], string][] = [
    [[mod, 'K'], t('shortcuts.search')],
    [[mod, 'L'], t('shortcuts.lock')],
    [[mod, 'N'], t('shortcuts.newCase')],
    [[mod, 'S'], t('shortcuts.save')],
    [[mod, 'P'], t('itinerary.shortcutHint')],
    [['Esc'], t('shortcuts.close')],
    [['Tab'], t('shortcuts.navigate')],
    [['?'], t('shortcuts.help')],
  ];
  return (
    <Modal opened={opened} onClose={close} title={t('shortcuts.title')} centered>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.key')}</Table.Th>
            <Table.Th>{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([keys, action]) => (
            <Table.Tr key={action}>
              <Table.Td>
                {keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' + '}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
