import * as React from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';
import type { Analysis } from '../analysis';
import { tr, type Lang } from '../i18n';

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
const LABEL = {
  error: ['Fehler', 'Error'],
  warning: ['Warnung', 'Warning'],
  info: ['Hinweis', 'Note'],
} as const;

/** Findings with code and cell; choosing one selects the cell in the sheet (in Excel). */
export function FindingsList(props: {
  findings: Analysis['findings'];
  lang: Lang;
  onSelect?: (sheet: string, cell: string) => void;
}): React.JSX.Element {
  const { findings, lang } = props;
  if (findings.length === 0) return <Text>{tr(lang, 'noFindings')}</Text>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={tr(lang, 'findings')}>
      {findings.map((f, i) => (
        <li key={i} style={{ padding: '6px 0', borderBottom: '1px solid #e0e0e0' }}>
          <Badge appearance="tint" color={COLOR[f.severity]}>
            {LABEL[f.severity][lang === 'en' ? 1 : 0]}
          </Badge>{' '}
          <Text font="monospace" size={200}>
            {f.code}
          </Text>{' '}
          {f.sheet && f.cell && (
            <Button
              size="small"
              appearance="subtle"
              disabled={!props.onSelect}
              onClick={() => props.onSelect?.(f.sheet!, f.cell!)}
            >
              {f.sheet}!{f.cell}
            </Button>
          )}
          <Text block size={300}>
            {lang === 'en' ? f.messageEn : f.message}
          </Text>
        </li>
      ))}
    </ul>
  );
}
