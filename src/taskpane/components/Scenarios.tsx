import * as React from 'react';
import { Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { BASIS } from '../../domain/model';
import { formatEuro } from '../../domain/money';
import type { CheckResult } from '../../domain/result';
import { tr, type Lang } from '../i18n';
import { BalanceChart } from './BalanceChart';
import { YearHeader } from './YearHeader';

/** Basis and every variant side by side: measures, errors, cost, cover and balance per plan year. */
export function Scenarios(props: { result: CheckResult; lang: Lang }): React.JSX.Element {
  const { result, lang } = props;
  const basis = result.scenarios.find((s) => s.name === BASIS);
  return (
    <>
      <BalanceChart result={result} lang={lang} />
      <Table size="small" aria-label={tr(lang, 'comparison')}>
        <YearHeader labels={[tr(lang, 'scenario'), '']} years={result.years} />
        <TableBody>
          {result.scenarios.map((s) => {
            const errors = s.findings.filter((f) => f.severity === 'error').length;
            const added = s.measures.filter((m) => !basis?.measures.includes(m)).map((m) => m.massnahme.nr);
            return (
              <React.Fragment key={s.name}>
                <TableRow>
                  <TableCell colSpan={2 + result.years.length}>
                    <Text weight="semibold">{s.name}</Text>{' '}
                    <Text size={200}>
                      {s.measures.length} {tr(lang, 'measures')}, {errors} {tr(lang, 'errors')}
                      {s.name !== BASIS && added.length > 0
                        ? ` · ${tr(lang, 'plus')} ${added.join(', ')}`
                        : ''}
                    </Text>
                  </TableCell>
                </TableRow>
                {(['cost', 'cover', 'balance'] as const).map((k) => (
                  <TableRow key={k}>
                    <TableCell />
                    <TableCell>{tr(lang, k)}</TableCell>
                    {s.totals.map((y, i) => {
                      const delta = s.name !== BASIS && basis ? y[k].minus(basis.totals[i][k]) : undefined;
                      return (
                        <TableCell
                          key={y.year}
                          style={{
                            textAlign: 'right',
                            color: k === 'balance' && y.balance.isNegative() ? '#c50f1f' : undefined,
                          }}
                        >
                          {formatEuro(y[k])}
                          {delta && !delta.isZero() && (
                            <Text block size={100}>
                              ({delta.isNegative() ? '' : '+'}
                              {formatEuro(delta)})
                            </Text>
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </React.Fragment>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
