/**
 * The one date field and the one date-time field of every form. Both show what the app shows
 * everywhere else and what their messages ask for: `YYYY-MM-DD` and `YYYY-MM-DD HH:mm` on a
 * 24-hour clock, whatever the browser's locale (a native `<input type="date">` shows mm/dd/yyyy
 * and AM/PM in an American browser, and silently empties itself on 30 February).
 *
 * The coordinator types the date (the text is the form value, exactly as typed, so the domain's
 * message says what is wrong with it: a day that does not exist, a year out of range), or picks
 * a day from Mantine's calendar (`@mantine/dates` DatePicker) behind the calendar button.
 * Mantine's DateInput is not used on purpose: it keeps the last valid date and throws the typed
 * text away on blur, and its default parser turns 2026-02-30 into 2 March, which is the silent
 * loss this field exists to prevent.
 */
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../domain/time';

type BaseProps = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'rightSection'> & {
  value?: string;
  onChange?: (value: string) => void;
};

const DAY_RE = /^\s*(\d{4}-\d{2}-\d{2})/;

function Field({
  value = '',
  onChange,
  withTime,
  placeholder,
  disabled,
  readOnly,
  ...rest
}: BaseProps & { withTime: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A stored local time `2026-03-29T04:35` is shown as the field's own format, `2026-03-29 04:35`.
  const shown = withTime ? value.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/, '$1 $2') : value;
  const day = DAY_RE.exec(shown)?.[1];
  const picked = day && isIsoDate(day) ? day : null;
  const pick = (date: string | null): void => {
    setOpened(false);
    if (!date) return;
    if (!withTime) onChange?.(date);
    else {
      const time = /\s(\d{1,2}:\d{2})\s*$/.exec(shown)?.[1];
      onChange?.(time ? `${date} ${time}` : `${date} `);
    }
    // Back to the text, so the time can be typed next and Tab goes on from the field.
    requestAnimationFrame(() => input.current?.focus());
  };
  return (
    <TextInput
      {...rest}
      ref={input}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder ?? (withTime ? t('dates.dateTimeFormat') : t('dates.dateFormat'))}
      value={shown}
      disabled={disabled}
      readOnly={readOnly}
      onChange={(e) => onChange?.(e.currentTarget.value)}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover
          opened={opened}
          onChange={setOpened}
          position="bottom-end"
          shadow="md"
          trapFocus
          returnFocus
          disabled={disabled || readOnly}
        >
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('dates.openCalendar')}
              onClick={() => setOpened((o) => !o)}
              disabled={disabled || readOnly}
            >
              <IconCalendar size={16} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={picked}
              defaultDate={picked ?? undefined}
              onChange={pick}
              firstDayOfWeek={1}
              size="sm"
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

export type DateFieldProps = BaseProps;

/** A calendar day, typed or picked, shown and kept as `YYYY-MM-DD`. */
export function DateField(props: DateFieldProps) {
  return <Field {...props} withTime={false} />;
}

/**
 * A local date and time, typed or its day picked, shown as `YYYY-MM-DD HH:mm` (24-hour clock).
 * The value is the text as typed (a stored `YYYY-MM-DDTHH:mm` shows with a space); the form turns
 * it into the record's `YYYY-MM-DDTHH:mm` with the domain's `parseLocalDateTime`.
 */
export function DateTimeField(props: DateFieldProps) {
  return <Field {...props} withTime />;
}
