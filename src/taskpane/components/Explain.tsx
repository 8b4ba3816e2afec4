import * as React from 'react';
import {
  Button,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Explanation } from '../../domain/result';
import { keepAmountsTogether } from '../format';
import { tr, type Lang } from '../i18n';

const useStyles = makeStyles({
  amount: {
    minWidth: 0,
    padding: 0,
    height: 'auto',
    fontWeight: tokens.fontWeightRegular,
    fontSize: 'inherit',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    color: 'inherit',
  },
  surface: { maxWidth: '300px' },
  steps: { borderCollapse: 'collapse', width: '100%', marginBlock: tokens.spacingVerticalS },
  label: { paddingRight: tokens.spacingHorizontalS, verticalAlign: 'top' },
  value: { textAlign: 'right', whiteSpace: 'nowrap', verticalAlign: 'top' },
  summary: { overflowWrap: 'anywhere' },
});

/** "Wie berechnet?": an amount that opens the steps the engine used (table value, shares, months, sums). */
export function Explain(props: {
  amount: string;
  explanation: () => Explanation;
  lang: Lang;
  label: string;
}): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const explanation = open ? props.explanation() : undefined;
  return (
    <Popover open={open} onOpenChange={(_, d) => setOpen(d.open)} withArrow positioning="below-end">
      <PopoverTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          className={styles.amount}
          aria-label={`${props.label}: ${props.amount} – ${tr(props.lang, 'howComputed')}`}
        >
          {props.amount}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={tr(props.lang, 'howComputed')}>
        <Text weight="semibold" block>
          {tr(props.lang, 'howComputed')}
        </Text>
        {explanation && (
          <>
            <table className={styles.steps}>
              <tbody>
                {explanation.steps.map((s, i) => (
                  <tr key={i}>
                    <td className={styles.label}>
                      {keepAmountsTogether(props.lang === 'en' ? s.labelEn : s.label)}
                    </td>
                    <td className={styles.value}>{keepAmountsTogether(s.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Text size={200} block className={styles.summary}>
              {keepAmountsTogether(explanation.summary)}
            </Text>
          </>
        )}
      </PopoverSurface>
    </Popover>
  );
}
