import * as React from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { UndoConflict } from '../../workbook/adopt';
import { tr, type Lang } from '../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', padding: 0, margin: 0 },
  item: {
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  values: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Undo refused: every cell edited since the adoption (sheet, cell, column, the adopted value and the value
 * now) – the list the CLI names in its message – and the choice to undo anyway or to keep the workbook.
 */
export function UndoConflicts(props: {
  action: string;
  cells: UndoConflict[];
  lang: Lang;
  busy: boolean;
  onSelect?: (sheet: string, cell: string) => void;
  onForce: () => void;
  onDismiss: () => void;
}): React.JSX.Element {
  const { cells, lang } = props;
  const styles = useStyles();
  const quoted = (v: string) =>
    v === 'leer' ? (lang === 'en' ? '(empty)' : '(leer)') : lang === 'en' ? `“${v}”` : `„${v}“`;
  return (
    <section className={styles.box} data-testid="undo-conflicts" aria-label={tr(lang, 'undoRefused')}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{tr(lang, 'undoRefused')}</MessageBarTitle>
          <Text block size={200}>
            {props.action}: {tr(lang, 'undoRefusedHint')}
          </Text>
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list}>
        {cells.map((c, i) => (
          <li key={i} className={styles.item} data-testid={`conflict-${c.sheet}!${c.cell}`}>
            <div className={styles.head}>
              {props.onSelect ? (
                <Button size="small" appearance="subtle" onClick={() => props.onSelect?.(c.sheet, c.cell)}>
                  {c.sheet}!{c.cell}
                </Button>
              ) : (
                <Text size={200} font="monospace">
                  {c.sheet}!{c.cell}
                </Text>
              )}
              <Text size={200} weight="semibold">
                {c.column}
              </Text>
            </div>
            {c.expected !== undefined && c.found !== undefined ? (
              <dl className={styles.values}>
                <dt className={styles.label}>{tr(lang, 'expected')}</dt>
                <dd className={styles.value}>{quoted(c.expected)}</dd>
                <dt className={styles.label}>{tr(lang, 'found')}</dt>
                <dd className={styles.value}>{quoted(c.found)}</dd>
              </dl>
            ) : (
              <Text block size={200}>
                {lang === 'en' ? c.en : c.de}
              </Text>
            )}
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button appearance="secondary" disabled={props.busy} onClick={props.onForce}>
          {tr(lang, 'forceUndo')}
        </Button>
        <Button appearance="subtle" disabled={props.busy} onClick={props.onDismiss}>
          {tr(lang, 'keepAsIs')}
        </Button>
      </div>
    </section>
  );
}
