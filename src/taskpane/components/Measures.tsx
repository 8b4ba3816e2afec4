import * as React from 'react';
import { Badge, Button, Card, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { MeasureResult, ScenarioResult } from '../../domain/result';
import { balanceExplanation, coverExplanation } from '../explanations';
import { tr, type Lang } from '../i18n';
import { measureVerdictView, type MeasureVerdictView } from '../verdict';
import { AmountRow } from './pieces';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { padding: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  title: { overflowWrap: 'anywhere' },
  verdicts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  selected: {
    outlineStyle: 'solid',
    outlineWidth: tokens.strokeWidthThick,
    outlineColor: tokens.colorBrandStroke1,
  },
  sources: { color: tokens.colorNeutralForeground3 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
});

function StatusBadge({ view }: { view: MeasureVerdictView }): React.JSX.Element {
  // an undated measure is information, not a failure: tinted, not filled
  return (
    <Badge appearance={view.verdict === 'Termin offen' ? 'tint' : 'filled'} color={view.color}>
      {view.label}
    </Badge>
  );
}

function MeasureCard(props: {
  m: MeasureResult;
  year: number;
  lang: Lang;
  onAdopt?: (nr: string) => void;
}): React.JSX.Element {
  const { m, year, lang } = props;
  const styles = useStyles();
  const nr = m.massnahme.nr;
  const i = m.years.findIndex((y) => y.year === year);
  const y = m.years[i];
  const cost = m.cost.find((c) => c.year === year);
  const view = measureVerdictView(m, lang);
  const canAdopt =
    props.onAdopt && m.covered && m.massnahme.status !== 'beschlossen' && m.massnahme.status !== 'abgelehnt';
  return (
    <Card className={styles.card} data-testid={`measure-${nr}`} aria-label={`${tr(lang, 'measure')} ${nr}`}>
      <div className={styles.head}>
        <Text weight="semibold">{nr}</Text>
        <Text className={styles.title}>{m.massnahme.bezeichnung}</Text>
        <StatusBadge view={view} />
      </div>
      <ul className={styles.verdicts} aria-label={tr(lang, 'verdict')}>
        {view.years.map((v) => (
          <li key={v.year}>
            <Badge
              appearance={v.verdict === 'nicht gedeckt' ? 'filled' : 'tint'}
              color={v.color}
              className={mergeClasses(v.year === year && styles.selected)}
              data-testid={`verdict-${nr}-${v.year}`}
              data-verdict={v.verdict}
              aria-label={v.ariaLabel}
            >
              {v.text}
            </Badge>
          </li>
        ))}
      </ul>
      {y && (
        <div>
          <AmountRow
            label={tr(lang, 'cost')}
            amount={y.cost}
            testId={`cost-${nr}-${year}`}
            explain={
              cost && {
                explanation: () => cost.explanation,
                label: `${nr} ${tr(lang, 'cost')} ${year}`,
                lang,
              }
            }
          />
          <AmountRow
            label={tr(lang, 'cover')}
            amount={y.cover}
            testId={`cover-${nr}-${year}`}
            explain={{
              explanation: () => coverExplanation(m, year),
              label: `${nr} ${tr(lang, 'cover')} ${year}`,
              lang,
            }}
          />
          {m.cover.length === 0 ? (
            <AmountRow label={tr(lang, 'noCover')} indent placeholder="" />
          ) : (
            m.cover.map((c, k) => {
              const a = c.years[i];
              return (
                <AmountRow
                  key={k}
                  indent
                  label={`${c.deckung.quelle || c.deckung.stellenNr || c.deckung.haushaltsstelle}`}
                  amount={a?.amount}
                  testId={`source-${nr}-${k}-${year}`}
                  explain={
                    a && {
                      explanation: () => a.explanation,
                      label: `${nr} ${c.deckung.quelle} ${year}`,
                      lang,
                    }
                  }
                />
              );
            })
          )}
          <AmountRow
            label={tr(lang, 'balance')}
            amount={y.balance}
            signed
            strong
            testId={`balance-${nr}-${year}`}
            explain={{
              explanation: () => balanceExplanation(m, year),
              label: `${nr} ${tr(lang, 'balance')} ${year}`,
              lang,
            }}
          />
        </div>
      )}
      {canAdopt && (
        <div className={styles.actions}>
          <Button size="small" appearance="outline" onClick={() => props.onAdopt!(nr)}>
            {tr(lang, 'adopt')}
          </Button>
        </div>
      )}
    </Card>
  );
}

/** The measures of a scenario, each with its cost, every cover source and the balance in the chosen year. */
export function Measures(props: {
  scenario: ScenarioResult;
  year: number;
  lang: Lang;
  onAdopt?: (nr: string) => void;
}): React.JSX.Element {
  const { scenario, year, lang } = props;
  const styles = useStyles();
  const total = scenario.totals.find((t) => t.year === year);
  if (scenario.measures.length === 0) return <Text>{tr(lang, 'noMeasures')}</Text>;
  return (
    <div className={styles.list} aria-label={`${tr(lang, 'measures')} – ${scenario.name}`}>
      {scenario.measures.map((m) => (
        <MeasureCard key={m.massnahme.nr} m={m} year={year} lang={lang} onAdopt={props.onAdopt} />
      ))}
      {total && (
        <AmountRow
          label={`${tr(lang, 'total')} ${tr(lang, 'balance')} ${year}`}
          amount={total.balance}
          signed
          strong
          testId={`total-balance-${year}`}
        />
      )}
    </div>
  );
}
