import * as React from 'react';
import type { CheckResult } from '../../domain/result';
import { formatEuro } from '../../domain/money';
import { tr, type Lang } from '../i18n';

const COLORS = ['#2f5597', '#c55a11', '#548235', '#7030a0', '#bf9000'];

/** Balance (cover − cost) per plan year, one bar per scenario: the comparison at a glance. */
export function BalanceChart(props: { result: CheckResult; lang: Lang }): React.JSX.Element {
  const { result, lang } = props;
  const values = result.scenarios.flatMap((s) => s.totals.map((t) => Number(t.balance.toFixed(2))));
  // the zero line sits where the data needs it: at the bottom when every balance is positive
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  const width = 560;
  const height = 150;
  const scale = (height - 12) / Math.max(1, top - bottom);
  const mid = 6 + top * scale;
  const groupWidth = width / result.years.length;
  const barWidth = Math.max(4, (groupWidth - 16) / Math.max(1, result.scenarios.length));
  const title = `${tr(lang, 'balance')} ${tr(lang, 'perYear')}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${width} ${height + 20}`} width="100%" role="img" aria-label={title}>
        <line x1={0} x2={width} y1={mid} y2={mid} stroke="#808080" strokeWidth={1} />
        {result.years.map((year, i) => (
          <g key={year}>
            {result.scenarios.map((s, k) => {
              const v = Number(s.totals[i].balance.toFixed(2));
              const h = Math.abs(v) * scale;
              return (
                <rect
                  key={s.name}
                  x={i * groupWidth + 8 + k * barWidth}
                  y={v >= 0 ? mid - h : mid}
                  width={barWidth - 2}
                  height={h}
                  fill={COLORS[k % COLORS.length]}
                >
                  <title>{`${s.name} ${year}: ${formatEuro(s.totals[i].balance)}`}</title>
                </rect>
              );
            })}
            <text x={i * groupWidth + groupWidth / 2} y={height + 14} textAnchor="middle" fontSize={9}>
              {year}
            </text>
          </g>
        ))}
      </svg>
      <figcaption style={{ display: 'flex', gap: 12, flexWrap: 'wrap', fontSize: 12 }}>
        {result.scenarios.map((s, k) => (
          <span key={s.name}>
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                background: COLORS[k % COLORS.length],
                marginRight: 4,
              }}
            />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
