import * as React from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { BASIS, type Deckung, type Massnahme } from '../../domain/model';
import { D, ZERO } from '../../domain/money';
import type { CheckResult } from '../../domain/result';
import { euro, keepAmountsTogether } from '../format';
import { tr, type Lang } from '../i18n';
import { yearVerdictOf } from '../verdict';
import { payGrades, payGradeSteps } from '../wizard/grades';
import { nextMeasureNumber, nextPositionNumber } from '../wizard/numbering';
import { previewProposal } from '../wizard/preview';
import type { Proposal } from '../wizard/proposal';
import { parseShare, validShare } from '../wizard/share';
import { freeInAllYears, wizardSources } from '../wizard/sources';
import { AmountRow, YearSwitcher } from './pieces';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  narrow: { flexBasis: '88px', flexGrow: 1, minWidth: 0 },
  half: { flexBasis: '140px', flexGrow: 1, minWidth: 0 },
  full: { minWidth: 0 },
  control: { minWidth: 0, width: '100%' },
  sources: { listStyleType: 'none', margin: 0, padding: 0 },
  source: { paddingBlock: tokens.spacingVerticalXXS },
  free: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    paddingLeft: '32px',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  nowrap: { whiteSpace: 'nowrap' },
  reason: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  label: { overflowWrap: 'anywhere' },
});

interface Form {
  bezeichnung: string;
  oe: string;
  dezernat: string;
  haushaltsstelle: string;
  gruppe: string;
  stufe: string;
  anteil: string;
  beginn: string;
  befristet: boolean;
  ende: string;
  szenario: string;
  auflagen: string;
  picked: string[];
}

const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))].sort();

/**
 * New-position wizard: grade, step, share, start/end → live cost per plan year → cover sources with their
 * free capacity → the measure and its cover rows. Every number comes from the engine (previewMeasure);
 * the button stays disabled while the preview has an error, and says why.
 */
export function Wizard(props: {
  result: CheckResult;
  year: number;
  onYear: (y: number) => void;
  lang: Lang;
  busy: boolean;
  onSubmit: (p: Proposal) => Promise<void>;
}): React.JSX.Element {
  const { result, lang, year } = props;
  const styles = useStyles();
  const model = result.model;
  const firstYear = result.years[0];
  const grades = React.useMemo(() => payGrades(model), [model]);
  const [form, setForm] = React.useState<Form>({
    bezeichnung: '',
    oe: '',
    dezernat: '',
    haushaltsstelle: '',
    gruppe: grades.includes('E9b') ? 'E9b' : (grades[0] ?? ''),
    stufe: '3',
    anteil: '1',
    beginn: `${firstYear}-01-01`,
    befristet: false,
    ende: `${firstYear + 1}-12-31`,
    szenario: BASIS,
    auflagen: '',
    picked: [],
  });
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const suggestions = React.useMemo(
    () => ({
      oe: distinct([...model.stellen.map((s) => s.oe), ...model.massnahmen.map((m) => m.oe)]),
      dezernat: distinct([
        ...model.stellen.map((s) => s.dezernat),
        ...model.massnahmen.map((m) => m.dezernat ?? ''),
      ]),
      haushaltsstelle: distinct([
        ...model.stellen.map((s) => s.haushaltsstelle),
        ...result.budget.map((b) => b.haushaltsstelle),
      ]),
      scenario: distinct([BASIS, ...model.massnahmen.map((m) => m.szenario)]),
    }),
    [model, result.budget],
  );
  const steps = payGradeSteps(model, form.gruppe);
  const nr = React.useMemo(() => nextMeasureNumber(model, firstYear), [model, firstYear]);
  const stellenNr = nextPositionNumber(model, form.oe, form.dezernat);
  const anteil = parseShare(form.anteil);
  const shareOk = validShare(anteil);

  const massnahme: Massnahme = React.useMemo(
    () => ({
      nr,
      bezeichnung: form.bezeichnung.trim() || tr(lang, 'newPosition'),
      art: 'Neue Stelle',
      stellenNr,
      oe: form.oe.trim(),
      dezernat: form.dezernat.trim() || undefined,
      gruppe: form.gruppe,
      stufe: Number(form.stufe),
      anteil: shareOk ? anteil : undefined,
      beginn: form.beginn || undefined,
      ende: form.befristet ? form.ende || undefined : undefined,
      terminOffen: false,
      haushaltsstelle: form.haushaltsstelle.trim(),
      szenario: form.szenario.trim() || BASIS,
      auflagen: form.auflagen,
      status: 'Entwurf',
      ref: { table: 'Massnahmen', row: 0 },
    }),
    [form, nr, stellenNr, anteil, shareOk, lang],
  );

  // The measure alone: its cost per year decides which sources can cover it.
  const alone = React.useMemo(
    () => (shareOk && form.gruppe ? previewProposal(result, massnahme, []) : undefined),
    [result, massnahme, shareOk, form.gruppe],
  );
  const measureYears = React.useMemo(
    () => alone?.measure?.years.filter((y) => y.cost.gt(0)).map((y) => y.year) ?? [],
    [alone],
  );
  const sources = React.useMemo(
    () => wizardSources(result, measureYears, massnahme.szenario),
    [result, measureYears, massnahme.szenario],
  );

  const preview = React.useMemo(() => {
    if (!alone?.measure) return undefined;
    const picked = sources.filter((s) => s.tickable && form.picked.includes(s.key));
    const row = (s: (typeof picked)[number]): Deckung => ({
      massnahmeNr: nr,
      quelle: s.label,
      art: s.art,
      stellenNr: s.kind === 'position' ? s.id : '',
      haushaltsstelle: s.kind === 'budget' ? s.id : '',
      betrag: undefined,
      ref: { table: 'Deckung', row: 0 },
    });
    const positions = picked.filter((s) => s.kind === 'position').map(row);
    // Budget lines give a fixed Betrag: what the positions leave uncovered in the worst year, at most
    // what the line has free in every year of the measure.
    const withPositions = positions.length ? previewProposal(result, massnahme, positions) : alone;
    let rest = (withPositions.measure?.years ?? []).reduce(
      (m, y) => (y.balance.negated().gt(m) ? y.balance.negated() : m),
      ZERO,
    );
    const budget: Deckung[] = [];
    for (const s of picked.filter((x) => x.kind === 'budget')) {
      const betrag = D.min(rest, freeInAllYears(s, measureYears));
      if (betrag.lte(0)) continue;
      rest = rest.minus(betrag);
      budget.push({ ...row(s), betrag });
    }
    const cover = [...positions, ...budget];
    return { ...previewProposal(result, massnahme, cover), cover };
  }, [alone, sources, form.picked, result, massnahme, nr, measureYears]);

  const errors = preview
    ? [...preview.findings.filter((f) => f.severity === 'error'), ...preview.newErrors]
    : [];
  const reasons = [
    ...(shareOk ? [] : [`${tr(lang, 'share')}: ${tr(lang, 'shareInvalid')}`]),
    ...(grades.length === 0 || !form.gruppe ? [tr(lang, 'grade')] : []),
    ...errors.map((f) => `${f.code}: ${lang === 'en' ? f.messageEn : f.message}`),
  ];
  const blocked = reasons.length > 0 || !preview?.measure;
  const measureYear = preview?.measure?.years.find((y) => y.year === year);

  const submit = () => {
    if (blocked || !preview) return;
    void props.onSubmit({ massnahme, cover: preview.cover });
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label={tr(lang, 'wizard')}
    >
      <Text size={200} data-testid="wizard-numbers">
        {tr(lang, 'measure')} {nr}, {tr(lang, 'positionNr')} {stellenNr}
      </Text>
      <Field label={tr(lang, 'designation')}>
        <Input value={form.bezeichnung} onChange={(_, d) => set('bezeichnung', d.value)} />
      </Field>
      <Field label={tr(lang, 'unit')}>
        <Input value={form.oe} list="wz-oe" onChange={(_, d) => set('oe', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={tr(lang, 'dezernat')} className={styles.half}>
          <Input
            className={styles.control}
            value={form.dezernat}
            list="wz-dezernat"
            onChange={(_, d) => set('dezernat', d.value)}
          />
        </Field>
        <Field label={tr(lang, 'haushaltsstelle')} className={styles.half}>
          <Input
            className={styles.control}
            value={form.haushaltsstelle}
            list="wz-hst"
            onChange={(_, d) => set('haushaltsstelle', d.value)}
          />
        </Field>
      </div>
      <datalist id="wz-oe">
        {suggestions.oe.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="wz-dezernat">
        {suggestions.dezernat.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="wz-hst">
        {suggestions.haushaltsstelle.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="wz-scenario">
        {suggestions.scenario.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <div className={styles.row}>
        <Field label={tr(lang, 'grade')} className={styles.narrow}>
          <Select className={styles.control} value={form.gruppe} onChange={(_, d) => set('gruppe', d.value)}>
            {grades.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
        </Field>
        <Field label={tr(lang, 'step')} className={styles.narrow}>
          <Select className={styles.control} value={form.stufe} onChange={(_, d) => set('stufe', d.value)}>
            {(steps.length ? steps : [1, 2, 3, 4, 5, 6]).map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
        <Field
          label={tr(lang, 'share')}
          className={styles.narrow}
          validationMessage={shareOk ? undefined : tr(lang, 'shareInvalid')}
        >
          <Input className={styles.control} value={form.anteil} onChange={(_, d) => set('anteil', d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={tr(lang, 'start')} className={styles.half}>
          <Input
            className={styles.control}
            type="date"
            value={form.beginn}
            onChange={(_, d) => set('beginn', d.value)}
          />
        </Field>
        {form.befristet && (
          <Field label={tr(lang, 'end')} className={styles.half}>
            <Input
              className={styles.control}
              type="date"
              value={form.ende}
              onChange={(_, d) => set('ende', d.value)}
            />
          </Field>
        )}
      </div>
      <Checkbox
        label={tr(lang, 'fixedTerm')}
        checked={form.befristet}
        onChange={(_, d) => set('befristet', Boolean(d.checked))}
      />
      <Field label={tr(lang, 'scenario')}>
        <Input value={form.szenario} list="wz-scenario" onChange={(_, d) => set('szenario', d.value)} />
      </Field>
      <Field label={tr(lang, 'conditions')}>
        <Textarea value={form.auflagen} onChange={(_, d) => set('auflagen', d.value)} />
      </Field>

      <Text weight="semibold">{tr(lang, 'coverSources')}</Text>
      <ul className={styles.sources} aria-label={tr(lang, 'coverSources')}>
        {sources.map((s) => (
          <li key={s.key} className={styles.source} data-testid={`source-${s.id}`}>
            <Checkbox
              label={
                <span className={styles.label}>
                  {s.label}
                  {s.personnel ? ` (${tr(lang, 'personnelLine')})` : ''}
                  {!s.tickable && ` – ${tr(lang, 'notFree')}`}
                </span>
              }
              disabled={!s.tickable}
              checked={s.tickable && form.picked.includes(s.key)}
              onChange={(_, d) =>
                set('picked', d.checked ? [...form.picked, s.key] : form.picked.filter((k) => k !== s.key))
              }
            />
            <div className={styles.free}>
              {s.years
                .filter((y) => measureYears.length === 0 || measureYears.includes(y.year))
                .map((y) => (
                  <span key={y.year} className={styles.nowrap}>
                    {tr(lang, 'free')} {y.year}: {euro(y.free)}
                  </span>
                ))}
            </div>
          </li>
        ))}
      </ul>

      {preview?.measure && (
        <section aria-label={tr(lang, 'preview')}>
          <Text weight="semibold" block>
            {tr(lang, 'preview')}
          </Text>
          <YearSwitcher
            years={result.years}
            year={year}
            onYear={props.onYear}
            lang={lang}
            mark={(y) => {
              const v = preview.measure?.years.find((x) => x.year === y);
              return v && (v.cost.gt(0) || v.cover.gt(0))
                ? {
                    text: yearVerdictOf(preview.measure!, v) === 'nicht gedeckt' ? '✗' : '✓',
                    ok: yearVerdictOf(preview.measure!, v) !== 'nicht gedeckt',
                  }
                : undefined;
            }}
          />
          {measureYear && (
            <>
              <AmountRow label={tr(lang, 'cost')} amount={measureYear.cost} testId={`preview-cost-${year}`} />
              <AmountRow
                label={tr(lang, 'cover')}
                amount={measureYear.cover}
                testId={`preview-cover-${year}`}
              />
              <AmountRow
                label={tr(lang, 'balance')}
                amount={measureYear.balance}
                signed
                strong
                testId={`preview-balance-${year}`}
              />
            </>
          )}
        </section>
      )}
      {errors.map((f, i) => (
        <Text key={i} size={200} className={styles.reason}>
          <Badge appearance="tint" color="danger">
            {f.code}
          </Badge>{' '}
          {keepAmountsTogether(lang === 'en' ? f.messageEn : f.message)}
        </Text>
      ))}
      {blocked && (
        <Text size={200} className={styles.reason} data-testid="submit-blocked">
          {tr(lang, 'blocked')}{' '}
          {reasons.length ? reasons.map((r) => r.split(':')[0]).join(', ') : tr(lang, 'preview')}
        </Text>
      )}
      <Button
        appearance="primary"
        type="submit"
        disabled={blocked || props.busy}
        icon={props.busy ? <Spinner size="tiny" /> : undefined}
      >
        {tr(lang, 'submitMeasure')}
      </Button>
    </form>
  );
}
