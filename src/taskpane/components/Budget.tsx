import * as React from 'react';
import { Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { formatEuro } from '../../domain/money';
import type { CheckResult } from '../../domain/result';
import { tr, type Lang } from '../i18n';
import { YearHeader } from './YearHeader';

/** Personnel budget lines: Ansatz, cost of the positions charged to them, margin per plan year. */
export function Budget(props: { result: CheckResult; lang: Lang }): React.JSX.Element {
  const { result, lang } = props;
  if (result.budget.length === 0) return <Text>{tr(lang, 'noBudget')}</Text>;
  return (
    <Table size="small" aria-label={tr(lang, 'budget')}>
      <YearHeader labels={[tr(lang, 'budgetLine'), '']} years={result.years} />
      <TableBody>
        {result.budget.map((line) => (
          <React.Fragment key={line.haushaltsstelle}>
            <TableRow>
              <TableCell colSpan={2 + result.years.length}>
                <Text weight="semibold">{line.haushaltsstelle}</Text> <Text>{line.bezeichnung}</Text>
              </TableCell>
            </TableRow>
            {(['ansatz', 'cost', 'margin'] as const).map((k) => (
              <TableRow key={k}>
                <TableCell />
                <TableCell>
                  {tr(lang, k === 'ansatz' ? 'ansatz' : k === 'cost' ? 'positionCost' : 'margin')}
                </TableCell>
                {line.years.map((y) => {
                  const v = y[k];
                  return (
                    <TableCell
                      key={y.year}
                      style={{
                        textAlign: 'right',
                        color: k === 'margin' && v?.isNegative() ? '#c50f1f' : undefined,
                        fontWeight: k === 'margin' ? 600 : undefined,
                      }}
                      data-testid={`budget-${line.haushaltsstelle}-${k}-${y.year}`}
                    >
                      {v ? formatEuro(v) : '–'}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </React.Fragment>
        ))}
      </TableBody>
    </Table>
  );
}
