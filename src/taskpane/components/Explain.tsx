import * as React from 'react';
import { Button, Popover, PopoverSurface, PopoverTrigger, Text } from '@fluentui/react-components';
import type { Explanation } from '../../domain/result';
import { tr, type Lang } from '../i18n';

/** "Wie berechnet?": every amount opens the steps the engine used (table value, shares, months). */
export function Explain(props: {
  amount: string;
  explanation: () => Explanation;
  lang: Lang;
  label: string;
}): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  const explanation = open ? props.explanation() : undefined;
  return (
    <Popover open={open} onOpenChange={(_, d) => setOpen(d.open)} withArrow>
      <PopoverTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          style={{ minWidth: 0, padding: 0, fontWeight: 400, fontSize: 'inherit' }}
          aria-label={`${props.label}: ${props.amount} – ${tr(props.lang, 'howComputed')}`}
        >
          {props.amount}
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label={tr(props.lang, 'howComputed')}>
        <Text weight="semibold" block>
          {tr(props.lang, 'howComputed')}
        </Text>
        {explanation && (
          <>
            <table className="explain-steps">
              <tbody>
                {explanation.steps.map((s, i) => (
                  <tr key={i}>
                    <td>{props.lang === 'en' ? s.labelEn : s.label}</td>
                    <td style={{ textAlign: 'right', paddingLeft: 12, whiteSpace: 'nowrap' }}>{s.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Text size={200} block>
              {explanation.summary}
            </Text>
          </>
        )}
      </PopoverSurface>
    </Popover>
  );
}
