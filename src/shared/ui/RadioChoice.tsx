/** A labelled group of radio buttons, one per option, stacked. */
import { Radio, Stack } from '@mantine/core';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export function RadioChoice<V extends string>(props: {
  label: string;
  description?: string;
  value: V | null;
  onChange: (value: V) => void;
  options: readonly RadioOption<V>[];
  error?: string;
  required?: boolean;
}) {
  return (
    <Radio.Group
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={(value) => props.onChange(value as V)}
      error={props.error}
      required={props.required}
    >
      <Stack gap={6} mt={6}>
        {props.options.map((option) => (
          <Radio
            key={option.value}
            value={option.value}
            label={option.label}
            disabled={option.disabled}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
