import * as React from 'react';
import { Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { BASIS } from '../../domain/model';
import type { CheckResult } from '../../domain/result';
import { euro } from '../format';
import { tr, type Lang } from '../i18n';
import { BalanceChart } from './BalanceChart';
import { AmountRow } from './pieces';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  delta: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  wrap: { overflowWrap: 'anywhere' },
});

/** Szenarienvergleich for the chosen year (Basis and every variant with its difference) and the chart. */
function Scenarios(props: { result: CheckResult; year: number; lang: Lang }): React.JSX.Element {
  const { result, year, lang } = props;
  const styles = useStyles();
  const basis = result.scenarios.find((s) => s.name === BASIS);
  const basisYear = basis?.totals.find((t) => t.year === year);
  return (
    <section className={styles.section} aria-label={tr(lang, 'comparison')}>
      <Text as="h2" weight="semibold">
        {tr(lang, 'comparison')}
      </Text>
      <BalanceChart result={result} lang={lang} />
      {result.scenarios.map((s) => {
        const errors = s.findings.filter((f) => f.severity === 'error').length;
        const added = s.measures.filter((m) => !basis?.measures.includes(m)).map((m) => m.massnahme.nr);
        const t = s.totals.find((x) => x.year === year);
        if (!t) return null;
        const delta = (k: 'cost' | 'cover' | 'balance') => {
          if (s.name === BASIS || !basisYear) return undefined;
          const d = t[k].minus(basisYear[k]);
          return d.isZero() ? undefined : `${d.isNegative() ? '' : '+'}${euro(d)}`;
        };
        return (
          <Card key={s.name} className={styles.card} data-testid={`scenario-${s.name}`}>
            <Text weight="semibold" className={styles.wrap}>
              {s.name}
            </Text>
            <Text size={200} className={styles.wrap}>
              {s.measures.length} {tr(lang, 'measures')}, {errors} {tr(lang, 'errors')}
              {s.name !== BASIS && added.length > 0 ? ` · ${tr(lang, 'plus')} ${added.join(', ')}` : ''}
            </Text>
            {(['cost', 'cover', 'balance'] as const).map((k) => (
              <React.Fragment key={k}>
                <AmountRow
                  label={tr(lang, k)}
                  amount={t[k]}
                  signed={k === 'balance'}
                  strong={k === 'balance'}
                />
                {delta(k) && <AmountRow label={`Δ ${BASIS}`} indent placeholder={delta(k)} />}
              </React.Fragment>
            ))}
          </Card>
        );
      })}
    </section>
  );
}

/** Personnel budget lines in the chosen year: Ansatz, cost of the positions charged to them, margin. */
function Budget(props: { result: CheckResult; year: number; lang: Lang }): React.JSX.Element {
  const { result, year, lang } = props;
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={tr(lang, 'budget')}>
      <Text as="h2" weight="semibold">
        {tr(lang, 'budget')}
      </Text>
      {result.budget.length === 0 && <Text>{tr(lang, 'noBudget')}</Text>}
      {result.budget.map((line) => {
        const y = line.years.find((x) => x.year === year);
        return (
          <Card key={line.haushaltsstelle} className={styles.card}>
            <Text weight="semibold" className={styles.wrap}>
              {line.haushaltsstelle} {line.bezeichnung}
            </Text>
            <AmountRow
              label={tr(lang, 'ansatz')}
              amount={y?.ansatz}
              testId={`budget-${line.haushaltsstelle}-ansatz-${year}`}
            />
            <AmountRow
              label={tr(lang, 'positionCost')}
              amount={y?.cost}
              testId={`budget-${line.haushaltsstelle}-cost-${year}`}
            />
            <AmountRow
              label={tr(lang, 'margin')}
              amount={y?.margin}
              signed
              strong
              testId={`budget-${line.haushaltsstelle}-margin-${year}`}
            />
          </Card>
        );
      })}
    </section>
  );
}

/** The "Vergleich" tab: scenarios side by side for one year, then the personnel budget lines. */
export function Compare(props: { result: CheckResult; year: number; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Scenarios {...props} />
      <Budget {...props} />
    </div>
  );
}
