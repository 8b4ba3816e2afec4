import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../domain/result';
import { euro } from '../format';
import { tr, type Lang } from '../i18n';

// Palette tokens follow the theme (light and dark); one colour per scenario.
const useStyles = makeStyles({
  figure: { margin: 0 },
  axis: { stroke: tokens.colorNeutralStroke1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '9px' },
  c0: { fill: tokens.colorPaletteBlueForeground2, backgroundColor: tokens.colorPaletteBlueForeground2 },
  c1: {
    fill: tokens.colorPaletteDarkOrangeForeground2,
    backgroundColor: tokens.colorPaletteDarkOrangeForeground2,
  },
  c2: { fill: tokens.colorPaletteGreenForeground2, backgroundColor: tokens.colorPaletteGreenForeground2 },
  c3: { fill: tokens.colorPaletteBerryForeground2, backgroundColor: tokens.colorPaletteBerryForeground2 },
  c4: {
    fill: tokens.colorPaletteMarigoldForeground2,
    backgroundColor: tokens.colorPaletteMarigoldForeground2,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS },
});

/** Balance (cover − cost) per plan year, one bar per scenario: the comparison at a glance. */
export function BalanceChart(props: { result: CheckResult; lang: Lang }): React.JSX.Element {
  const { result, lang } = props;
  const styles = useStyles();
  const colour = [styles.c0, styles.c1, styles.c2, styles.c3, styles.c4];
  // drawing coordinates only: the amounts shown are the engine's, formatted from decimals
  const values = result.scenarios.flatMap((s) => s.totals.map((t) => Number(t.balance.toFixed(2))));
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  const width = 320;
  const height = 120;
  const scale = (height - 12) / Math.max(1, top - bottom);
  const mid = 6 + top * scale;
  const groupWidth = width / Math.max(1, result.years.length);
  const barWidth = Math.max(4, (groupWidth - 12) / Math.max(1, result.scenarios.length));
  const title = `${tr(lang, 'balance')} ${tr(lang, 'perYear')}`;
  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${width} ${height + 16}`} width="100%" role="img" aria-label={title}>
        <line x1={0} x2={width} y1={mid} y2={mid} className={styles.axis} strokeWidth={1} />
        {result.years.map((year, i) => (
          <g key={year}>
            {result.scenarios.map((s, k) => {
              const v = Number(s.totals[i].balance.toFixed(2));
              const h = Math.abs(v) * scale;
              return (
                <rect
                  key={s.name}
                  x={i * groupWidth + 6 + k * barWidth}
                  y={v >= 0 ? mid - h : mid}
                  width={barWidth - 2}
                  height={h}
                  className={colour[k % colour.length]}
                >
                  <title>{`${s.name} ${year}: ${euro(s.totals[i].balance)}`}</title>
                </rect>
              );
            })}
            <text
              x={i * groupWidth + groupWidth / 2}
              y={height + 12}
              textAnchor="middle"
              className={styles.label}
            >
              {year}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className={styles.legend}>
        {result.scenarios.map((s, k) => (
          <span key={s.name}>
            <span className={`${styles.swatch} ${colour[k % colour.length]}`} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
