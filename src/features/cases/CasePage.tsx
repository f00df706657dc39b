/** One case's plan, with its tabs. */
import { Title } from '@mantine/core';

export function CasePage({ caseId }: { caseId: string; tab: string | null }) {
  return <Title order={1}>{caseId}</Title>;
}
