import * as React from 'react';
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Analysis } from '../../workbook/analysis';
import { keepAmountsTogether } from '../format';
import { tr, type Lang } from '../i18n';

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
const LABEL = {
  error: ['Fehler', 'Error'],
  warning: ['Warnung', 'Warning'],
  info: ['Hinweis', 'Note'],
} as const;

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0 },
  item: {
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  code: { overflowWrap: 'anywhere' },
  text: { overflowWrap: 'anywhere' },
});

/** Findings with code and cell; choosing one selects the cell in the sheet (in Excel). */
export function FindingsList(props: {
  findings: Analysis['findings'];
  lang: Lang;
  onSelect?: (sheet: string, cell: string) => void;
}): React.JSX.Element {
  const { findings, lang } = props;
  const styles = useStyles();
  if (findings.length === 0) return <Text>{tr(lang, 'noFindings')}</Text>;
  return (
    <ul className={styles.list} aria-label={tr(lang, 'findings')}>
      {findings.map((f, i) => (
        <li key={i} className={styles.item}>
          <div className={styles.head}>
            <Badge appearance="tint" color={COLOR[f.severity]}>
              {LABEL[f.severity][lang === 'en' ? 1 : 0]}
            </Badge>
            <Text font="monospace" size={200} className={styles.code}>
              {f.code}
            </Text>
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
          </div>
          <Text block size={300} className={styles.text}>
            {keepAmountsTogether(lang === 'en' ? f.messageEn : f.message)}
          </Text>
        </li>
      ))}
    </ul>
  );
}
