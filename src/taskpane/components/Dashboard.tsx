import * as React from 'react';
import { Badge, Button, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { formatEuro } from '../../domain/money';
import type { MeasureResult, ScenarioResult } from '../../domain/result';
import { verdictOf } from '../../domain/verdict';
import { tr, type Lang } from '../i18n';
import { Explain } from './Explain';
import { YearHeader } from './YearHeader';

function StatusBadge({ m, lang }: { m: MeasureResult; lang: Lang }): React.JSX.Element {
  const verdict = verdictOf(m);
  if (verdict === 'Termin offen')
    return (
      <Badge appearance="tint" color="informative">
        {tr(lang, 'termOpen')}
      </Badge>
    );
  return verdict === 'gedeckt' ? (
    <Badge appearance="filled" color="success">
      {tr(lang, 'covered')}
    </Badge>
  ) : (
    <Badge appearance="filled" color="danger">
      {tr(lang, 'notCovered')}
    </Badge>
  );
}

/** Coverage dashboard: each measure of the scenario with cost, cover and balance per plan year. */
export function Dashboard(props: {
  scenario: ScenarioResult;
  years: number[];
  lang: Lang;
  /** Take a measure into the plan (as `stellenplan adopt`). */
  onAdopt?: (nr: string) => void;
}): React.JSX.Element {
  const { scenario, years, lang } = props;
  return (
    <Table size="small" aria-label={`${tr(lang, 'measures')} – ${scenario.name}`}>
      <YearHeader labels={[tr(lang, 'measure'), '']} years={years} />
      <TableBody>
        {scenario.measures.map((m) => (
          <React.Fragment key={m.massnahme.nr}>
            <TableRow>
              <TableCell colSpan={2 + years.length}>
                <Text weight="semibold">{m.massnahme.nr}</Text> <Text>{m.massnahme.bezeichnung}</Text>{' '}
                <StatusBadge m={m} lang={lang} />
                {props.onAdopt &&
                  m.massnahme.status !== 'beschlossen' &&
                  m.massnahme.status !== 'abgelehnt' &&
                  m.covered && (
                    <Button
                      size="small"
                      appearance="outline"
                      style={{ marginLeft: 8 }}
                      onClick={() => props.onAdopt!(m.massnahme.nr)}
                    >
                      {tr(lang, 'adopt')}
                    </Button>
                  )}
              </TableCell>
            </TableRow>
            <TableRow>
              <TableCell />
              <TableCell>{tr(lang, 'cost')}</TableCell>
              {m.cost.map((c) => (
                <TableCell key={c.year} style={{ textAlign: 'right' }}>
                  <Explain
                    amount={formatEuro(c.amount)}
                    explanation={() => c.explanation}
                    lang={lang}
                    label={`${m.massnahme.nr} ${tr(lang, 'cost')} ${c.year}`}
                  />
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableCell />
              <TableCell>{tr(lang, 'cover')}</TableCell>
              {m.years.map((y) => (
                <TableCell key={y.year} style={{ textAlign: 'right' }}>
                  {formatEuro(y.cover)}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableCell />
              <TableCell>{tr(lang, 'balance')}</TableCell>
              {m.years.map((y) => (
                <TableCell
                  key={y.year}
                  style={{ textAlign: 'right', color: y.balance.isNegative() ? '#c50f1f' : undefined }}
                  data-balance={y.balance.toFixed(2)}
                >
                  {formatEuro(y.balance)}
                </TableCell>
              ))}
            </TableRow>
          </React.Fragment>
        ))}
        <TableRow>
          <TableCell>
            <Text weight="semibold">{tr(lang, 'total')}</Text>
          </TableCell>
          <TableCell>{tr(lang, 'balance')}</TableCell>
          {scenario.totals.map((y) => (
            <TableCell key={y.year} style={{ textAlign: 'right', fontWeight: 600 }}>
              {formatEuro(y.balance)}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}
