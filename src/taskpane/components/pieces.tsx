import * as React from 'react';
import { makeStyles, mergeClasses, Text, ToggleButton, tokens } from '@fluentui/react-components';
import type { Dec } from '../../domain/money';
import type { Explanation } from '../../domain/result';
import { euro } from '../format';
import { tr, type Lang } from '../i18n';
import { Explain } from './Explain';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: '2px',
  },
  label: { minWidth: 0, overflowWrap: 'anywhere' },
  indent: { paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  amount: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', flexShrink: 0 },
  negative: { color: tokens.colorPaletteRedForeground1 },
  years: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  year: { minWidth: '52px', paddingInline: tokens.spacingHorizontalXS },
});

/** One label and one amount on a line; the amount never wraps, a long label does. */
export function AmountRow(props: {
  label: React.ReactNode;
  amount?: Dec;
  /** Shown instead of an amount (e.g. "–" without an Ansatz). */
  placeholder?: string;
  explain?: { explanation: () => Explanation; label: string; lang: Lang };
  strong?: boolean;
  indent?: boolean;
  /** Colour a negative amount (balances, margins). */
  signed?: boolean;
  testId?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const text = props.amount ? euro(props.amount) : (props.placeholder ?? '–');
  const negative = props.signed && props.amount?.isNegative();
  return (
    <div className={mergeClasses(styles.row, props.indent && styles.indent, props.strong && styles.strong)}>
      <Text size={200} className={styles.label} weight={props.strong ? 'semibold' : 'regular'}>
        {props.label}
      </Text>
      <Text
        size={200}
        className={mergeClasses(styles.amount, negative && styles.negative)}
        weight={props.strong ? 'semibold' : 'regular'}
        data-testid={props.testId}
        data-amount={props.amount?.toFixed(2)}
      >
        {props.explain && props.amount ? (
          <Explain
            amount={text}
            explanation={props.explain.explanation}
            lang={props.explain.lang}
            label={props.explain.label}
          />
        ) : (
          text
        )}
      </Text>
    </div>
  );
}

/** The plan-year switcher: the pane shows one year at a time (years as buttons, never as columns). */
export function YearSwitcher(props: {
  years: number[];
  year: number;
  onYear: (y: number) => void;
  lang: Lang;
  /** Optional mark per year (e.g. ✓/✗ verdict). */
  mark?: (y: number) => { text: string; ok: boolean } | undefined;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div role="group" aria-label={tr(props.lang, 'year')} className={styles.years}>
      {props.years.map((y) => {
        const mark = props.mark?.(y);
        return (
          <ToggleButton
            key={y}
            size="small"
            className={styles.year}
            checked={y === props.year}
            appearance={y === props.year ? 'primary' : 'subtle'}
            onClick={() => props.onYear(y)}
          >
            {y}
            {mark ? ` ${mark.text}` : ''}
          </ToggleButton>
        );
      })}
    </div>
  );
}
