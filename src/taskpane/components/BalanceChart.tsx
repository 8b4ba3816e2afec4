import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../domain/result';
import { balanceChart } from '../../workbook/balance-chart';
import { keepAmountsTogether } from '../format';
import { tr, type Lang } from '../i18n';

/**
 * Balance (cover − cost) per plan year, one bar per scenario: the comparison at a glance. The chart is the
 * shared definition (src/workbook/balance-chart.ts) that the PDF prints too; here its shapes become SVG
 * elements. The pane is narrow, so the chart is drawn small with large text and values in thousands.
 */
// Text and axes follow Office's theme (light and dark); the bars keep the shared chart's colours.
const useStyles = makeStyles({
  figure: { margin: 0 },
  text: { fill: tokens.colorNeutralForeground1 },
  line: { stroke: tokens.colorNeutralStroke1 },
});

export function BalanceChart(props: { result: CheckResult; lang: Lang }): React.JSX.Element {
  const { result, lang } = props;
  const styles = useStyles();
  const title = `${tr(lang, 'balance')} ${tr(lang, 'perYear')}`;
  const chart = balanceChart({
    title,
    years: result.years,
    series: result.scenarios.map((s) => ({ name: s.name, values: s.totals.map((t) => t.balance) })),
    width: 340,
    height: 240,
    fontSize: 10,
    valueLabels: 'thousands',
  });
  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} width="100%" role="img" aria-label={title}>
        {chart.shapes.map((s, i) => {
          switch (s.kind) {
            case 'rect':
              return (
                <rect key={i} x={s.x} y={s.y} width={s.width} height={s.height} fill={s.fill}>
                  {s.tooltip && <title>{keepAmountsTogether(s.tooltip)}</title>}
                </rect>
              );
            case 'line':
              return (
                <line
                  key={i}
                  x1={s.x1}
                  y1={s.y1}
                  x2={s.x2}
                  y2={s.y2}
                  className={styles.line}
                  strokeWidth={s.strokeWidth}
                />
              );
            case 'text':
              return (
                <text
                  key={i}
                  x={s.x}
                  y={s.y}
                  textAnchor={s.anchor}
                  fontSize={s.size}
                  className={styles.text}
                  fontWeight={s.bold ? 'bold' : undefined}
                >
                  {keepAmountsTogether(s.text)}
                </text>
              );
          }
        })}
      </svg>
    </figure>
  );
}
